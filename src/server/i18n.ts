/**
 * Server-side texts for error responses, in Danish (default) and English.
 * The language is chosen from the request's Accept-Language header.
 */

/** The languages Spire speaks. */
export type Language = 'da' | 'en';

/**
 * Picks 'en' when English is preferred over Danish in an Accept-Language header, else 'da'.
 * @example languageFrom('en-GB,en;q=0.9') // 'en'
 */
export function languageFrom(acceptLanguage: string | null | undefined): Language {
  if (!acceptLanguage) return 'da';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('da') || tag.startsWith('nb') || tag.startsWith('nn')) return 'da';
    if (tag.startsWith('en')) return 'en';
  }
  return 'da';
}

/** Titles for every stable problem code. */
export const problemTitles = {
  'auth.required': { da: 'Du skal logge ind.', en: 'You need to sign in.' },
  'auth.invalid_credentials': { da: 'Forkert brugernavn eller adgangskode.', en: 'Wrong username or password.' },
  'auth.locked': {
    da: 'For mange forkerte forsøg. Vent {minutes} minutter, og prøv igen.',
    en: 'Too many failed attempts. Wait {minutes} minutes and try again.',
  },
  'auth.rate_limited': {
    da: 'For mange forsøg fra din adresse. Vent lidt, og prøv igen.',
    en: 'Too many attempts from your address. Wait a little and try again.',
  },
  'auth.csrf': {
    da: 'Anmodningen kunne ikke bekræftes. Genindlæs siden, og prøv igen.',
    en: 'The request could not be verified. Reload the page and try again.',
  },
  'access.denied': { da: 'Du har ikke adgang til dette.', en: 'You do not have access to this.' },
  'not_found': { da: 'Det findes ikke, eller du har ikke adgang til det.', en: 'It does not exist, or you do not have access to it.' },
  'validation.failed': { da: 'Der er problemer med de indtastede oplysninger.', en: 'There are problems with the information entered.' },
  'request.malformed': { da: 'Anmodningen kunne ikke læses.', en: 'The request could not be read.' },
  'conflict.stale_version': {
    da: 'Oplysningerne er ændret af en anden, siden du åbnede dem. Genindlæs, og prøv igen.',
    en: 'Someone else changed this since you opened it. Reload and try again.',
  },
  'programme.already_extended': {
    da: 'Familien er allerede i udvidet indsats.',
    en: 'The family is already on the extended track.',
  },
  'programme.not_extended': { da: 'Familien er ikke i udvidet indsats.', en: 'The family is not on the extended track.' },
  'notes.already_corrected': {
    da: 'Notatet er allerede rettet. Ret den nyeste udgave.',
    en: 'This note has already been corrected. Correct the latest version.',
  },
  'notes.not_author': { da: 'Kun den, der skrev notatet, kan rette det.', en: 'Only the author of a note can correct it.' },
  'staff.username_taken': { da: 'Brugernavnet er allerede i brug.', en: 'The username is already in use.' },
  'organisation.name_taken': { da: 'Navnet er allerede i brug.', en: 'The name is already in use.' },
  'organisation.cluster_outside_district': {
    da: 'Klyngen hører ikke til det valgte distrikt.',
    en: 'The cluster does not belong to the chosen district.',
  },
  'registry.no_cpr': { da: 'Personen har ikke noget CPR-nummer registreret.', en: 'No CPR number is registered for this person.' },
  'registry.already_born': { da: 'Fødslen er allerede registreret.', en: 'The birth is already registered.' },
  'registry.cpr_exists': {
    da: 'Der er allerede registreret en person med dette CPR-nummer.',
    en: 'A person with this CPR number is already registered.',
  },
  'registry.possible_duplicate': {
    da: 'Barnet ser ud til at være registreret i forvejen. Tjek de mulige dubletter, eller bekræft, at det er et nyt barn.',
    en: 'This child seems to be registered already. Check the possible duplicates, or confirm that it is a new child.',
  },
  'registry.merge_different_cpr': {
    da: 'Registreringerne har forskellige CPR-numre og kan ikke lægges sammen.',
    en: 'The records have different CPR numbers and cannot be merged.',
  },
  'registry.relation_exists': { da: 'Personen er allerede tilknyttet barnet.', en: 'This person is already related to the child.' },
  'screening.certification_required': {
    da: 'Du skal have en gyldig ADBB-certificering på observationsdatoen for at registrere en ADBB.',
    en: 'You need an ADBB certification that is valid on the observation date to record an ADBB.',
  },
  'tasks.already_completed': { da: 'Opgaven er allerede afsluttet.', en: 'This task has already been completed.' },
  'flags.already_resolved': { da: 'Markeringen er allerede afsluttet.', en: 'This flag has already been resolved.' },
  'wellbeing.two_ratings_required': {
    da: 'Mindst to forskellige medarbejdere skal først have vurderet barnet hver for sig, før den fælles vurdering kan gemmes.',
    en: 'At least two different staff members must first rate the child individually before the joint rating can be saved.',
  },
  'wellbeing.joint_saved': {
    da: 'Den fælles vurdering er gemt, så de enkeltes vurderinger er lukket. Ret den fælles vurdering i stedet.',
    en: 'The joint rating has been saved, so individual ratings are closed. Correct the joint rating instead.',
  },
  'wellbeing.round_exists': {
    da: 'Enheden har allerede en trivselsrunde for den sæson og det år.',
    en: 'The unit already has a wellbeing round for that season and year.',
  },
  'consent.not_covered': {
    da: 'Der er ikke et gyldigt samtykke, der dækker denne modtager, dette formål og denne kategori. Indhent samtykke, eller angiv et lovligt grundlag.',
    en: 'No valid consent covers this recipient, purpose and category. Obtain consent, or state a legal basis.',
  },
  'consent.already_withdrawn': { da: 'Samtykket er allerede tilbagekaldt.', en: 'The consent has already been withdrawn.' },
  'handover.exists': {
    da: 'Der er allerede en overlevering til denne indskrivning. Åbn den i stedet.',
    en: 'There is already a handover for this enrolment. Open it instead.',
  },
  'handover.not_draft': { da: 'Overleveringen er sendt og kan ikke ændres.', en: 'The handover has been sent and cannot be changed.' },
  'handover.not_sent': { da: 'Overleveringen er ikke sendt endnu.', en: 'The handover has not been sent yet.' },
  'handover.already_acknowledged': { da: 'Overleveringen er allerede kvitteret for.', en: 'The handover has already been acknowledged.' },
  'offers.inactive': { da: 'Tilbuddet er ikke aktivt.', en: 'This offer is not active.' },
  'offers.course_finished': { da: 'Forløbet er afsluttet.', en: 'This course has finished.' },
  'offers.already_participating': {
    da: 'Familien er allerede henvist til, på venteliste til eller deltager i forløbet.',
    en: 'The family is already referred to, waiting for or taking part in this course.',
  },
  'offers.not_offered': { da: 'Familien har ikke fået tilbudt en plads.', en: 'The family has not been offered a place.' },
  'offers.not_enrolled': { da: 'Familien er ikke optaget på forløbet.', en: 'The family is not enrolled in this course.' },
  'offers.session_in_future': {
    da: 'Mødet har ikke fundet sted endnu, så fremmødet kan ikke registreres.',
    en: 'The session has not taken place yet, so attendance cannot be recorded.',
  },
  'method.not_allowed': { da: 'Metoden er ikke tilladt.', en: 'Method not allowed.' },
  'sparring.not_waiting': {
    da: 'Sparringsanmodningen venter ikke længere: en anden har taget den, eller den er lukket.',
    en: 'The sparring request is no longer waiting: someone else has taken it, or it has been closed.',
  },
  'sparring.closed': { da: 'Sparringsanmodningen er lukket.', en: 'The sparring request has been closed.' },
  'server.error': {
    da: 'Der opstod en fejl hos os. Dine oplysninger er ikke gemt. Prøv igen om lidt.',
    en: 'Something went wrong on our side. Nothing was saved. Try again shortly.',
  },
  'notifications.no_recipient': {
    da: 'Kommunen har ingen myndighedsenhed (Børn og Familie), der kan modtage underretningen. Kontakt en administrator.',
    en: 'The municipality has no social services unit to receive the notification. Contact an administrator.',
  },
  'meetings.ssd_limit_reached': {
    da: 'Barnet har allerede haft et møde og et opfølgende møde uden samtykke efter SSD-reglen. Et nyt møde kræver forældrenes samtykke.',
    en: 'The child has already had a meeting and a follow-up meeting without consent under the SSD rule. A new meeting needs the parents’ consent.',
  },
  'meetings.ssd_follow_up_needs_special_case': {
    da: 'Barnet har allerede haft et møde uden samtykke. Et opfølgende møde efter SSD-reglen kræver, at det markeres som et særligt tilfælde med en begrundelse – eller forældrenes samtykke.',
    en: 'The child has already had a meeting without consent. A follow-up meeting under the SSD rule must be marked as a special case with a reason – or have the parents’ consent.',
  },
  'meetings.ssd_participant_not_allowed': {
    da: 'Uden samtykke (SSD-reglen) kan kun medarbejdere fra sundhedspleje, dagtilbud, skole, SFO, klub, PPR, familiecenter og myndighed deltage.',
    en: 'Without consent (the SSD rule) only staff from health visiting, daycare, school, after-school care, clubs, PPR, the family centre and social services may take part.',
  },
  'meetings.minutes_locked': {
    da: 'Referatet er godkendt og låst. Start en rettelse for at lave en ny version.',
    en: 'The minutes have been approved and are locked. Start a correction to make a new version.',
  },
  'meetings.minutes_not_approved': {
    da: 'Referatet er ikke godkendt endnu, så det kan stadig rettes direkte.',
    en: 'The minutes have not been approved yet, so they can still be edited directly.',
  },
  'meetings.minutes_missing': { da: 'Mødet har endnu intet referat.', en: 'The meeting has no minutes yet.' },
  'meetings.closed': {
    da: 'Mødet er afsluttet og kan ikke længere ændres. Åbne opgaver kan stadig markeres som udført.',
    en: 'The meeting has been closed and can no longer be changed. Open next steps can still be marked done.',
  },
  'meetings.close_needs_approved_minutes': {
    da: 'Mødet kan først afsluttes, når referatet er godkendt.',
    en: 'The meeting can only be closed once the minutes have been approved.',
  },
  'meetings.facilitator_stays': {
    da: 'Mødelederen kan ikke fjernes fra mødet.',
    en: 'The facilitator cannot be removed from the meeting.',
  },
  'social_worker_districts.not_social_worker': {
    da: 'Kun socialrådgivere kan dække distrikter.',
    en: 'Only social workers can cover districts.',
  },
} as const satisfies Record<string, Record<Language, string>>;

/** A stable problem code. */
export type ProblemCode = keyof typeof problemTitles;

/** Field-level messages, keyed by a stable field error code. */
export const fieldMessages = {
  required: { da: 'Indtast {label}.', en: 'Enter {label}.' },
  taken: { da: '{label} er allerede i brug. Vælg et andet.', en: '{label} is already in use. Choose another.' },
  invalid_phone: { da: '{label} skal være et telefonnummer med mindst 8 cifre.', en: '{label} must be a phone number with at least 8 digits.' },
  invalid_type: { da: '{label} har en forkert type.', en: '{label} has the wrong type.' },
  too_short: { da: '{label} skal være mindst {minimum} tegn.', en: '{label} must be at least {minimum} characters.' },
  too_long: { da: '{label} må højst være {maximum} tegn.', en: '{label} must be at most {maximum} characters.' },
  too_small: { da: '{label} skal være mindst {minimum}.', en: '{label} must be at least {minimum}.' },
  before_birth: { da: '{label} må ikke ligge før fødslen.', en: '{label} must not be before the birth.' },
  at_least_one: { da: 'Udfyld mindst én af værdierne.', en: 'Enter at least one of the values.' },
  whole_number: { da: '{label} skal være et helt tal.', en: '{label} must be a whole number.' },
  one_decimal: { da: '{label} må højst have én decimal.', en: '{label} may have at most one decimal.' },
  duplicate: { da: '{label} er brugt mere end én gang.', en: '{label} is used more than once.' },
  too_few: { da: 'Angiv mindst {minimum}.', en: 'Enter at least {minimum}.' },
  pregnancy_anchor: {
    da: 'Graviditetsbesøg regnes fra terminsdatoen, alle andre besøg fra fødslen.',
    en: 'Pregnancy contacts count from the expected date, all other contacts from the birth.',
  },
  too_big: { da: '{label} må højst være {maximum}.', en: '{label} must be at most {maximum}.' },
  invalid_date: { da: '{label} skal være en gyldig dato (ÅÅÅÅ-MM-DD).', en: '{label} must be a valid date (YYYY-MM-DD).' },
  invalid_id: { da: '{label} er ikke et gyldigt id.', en: '{label} is not a valid id.' },
  invalid_email: { da: '{label} skal være en gyldig e-mailadresse.', en: '{label} must be a valid email address.' },
  invalid_choice: { da: 'Vælg en af de mulige værdier for {label}.', en: 'Choose one of the allowed values for {label}.' },
  invalid_format: { da: '{label} har et forkert format.', en: '{label} has the wrong format.' },
  unknown_field: { da: 'Feltet {label} kendes ikke.', en: 'The field {label} is not known.' },
  end_before_start: { da: '{label} skal ligge efter startdatoen.', en: '{label} must be after the start date.' },
  invalid_cpr: {
    da: '{label} skal være et gyldigt CPR-nummer (DDMMÅÅ-XXXX).',
    en: '{label} must be a valid CPR number (DDMMYY-XXXX).',
  },
  cpr_date_mismatch: { da: '{label} passer ikke med CPR-nummeret.', en: '{label} does not match the CPR number.' },
  cpr_in_url: {
    da: 'Søg på CPR-nummer via søgefeltet (CPR-numre må ikke stå i adresser).',
    en: 'Search for CPR numbers through the search form (CPR numbers must not appear in URLs).',
  },
  in_future: { da: '{label} må ikke ligge i fremtiden.', en: '{label} must not be in the future.' },
  age_out_of_range: {
    da: 'Barnet skal være {min}–{max} måneder på observationsdatoen, men var {age} måneder.',
    en: 'The child must be {min}–{max} months old on the observation date, but was {age} months.',
  },
  answer_count: { da: 'Der skal være {count} svar, ét for hvert punkt.', en: 'There must be {count} answers, one for each item.' },
  item_range: { da: 'Punkt {number} skal være et helt tal fra {min} til {max}.', en: 'Item {number} must be a whole number from {min} to {max}.' },
  item_required: { da: 'Udfyld punkt {number}.', en: 'Fill in item {number}.' },
  not_applicable: { da: '{label} bruges ikke ved dette instrument.', en: '{label} does not apply to this instrument.' },
  not_related: { da: '{label} skal være en voksen, der er tilknyttet barnet.', en: '{label} must be an adult related to the child.' },
  not_born: { da: 'Barnet er ikke født endnu.', en: 'The child has not been born yet.' },
  after_birth: { da: '{label} skal ligge før fødslen.', en: '{label} must be before the birth.' },
  missing_items: { da: 'Der mangler tekst til punkt {numbers}.', en: 'Text is missing for item {numbers}.' },
  unknown_item: { da: 'Instrumentet har ikke et punkt {number}.', en: 'The instrument has no item {number}.' },
  option_count: {
    da: 'Punkt {number} skal have {count} svarmuligheder.',
    en: 'Item {number} must have {count} response options.',
  },
  not_on_scale: {
    da: 'Vælg et af niveauerne på rundens skala ({levels}).',
    en: 'Choose one of the levels on the round’s scale ({levels}).',
  },
  not_unit_staff: { da: 'Vælg en medarbejder i enheden.', en: 'Choose a staff member of the unit.' },
  invalid: { da: '{label} er ugyldig.', en: '{label} is invalid.' },
  not_certified: {
    da: '{name} har ikke en gyldig certificering til metoden på alle forløbets mødedatoer.',
    en: '{name} does not hold a valid certification for the method on every session date of the course.',
  },
  at_least_one_recipient: { da: 'Vælg mindst én modtager: en enhed eller en faggruppe.', en: 'Choose at least one recipient: a unit or a profession.' },
  not_daycare_enrolment: { da: 'Vælg en af barnets indskrivninger i dagpleje eller daginstitution.', en: 'Choose one of the child’s daycare enrolments.' },
  not_child_screening: { da: 'Vælg en af barnets gennemførte screeninger.', en: 'Choose one of the child’s completed screenings.' },
  empty_part: { da: 'Delen er tom. Skriv noget i den, eller lad være med at dele den.', en: 'This part is empty. Write something in it, or do not share it.' },
  not_running_unit: { da: 'Vælg en enhed, der driver tilbuddet.', en: 'Choose a unit that runs the offer.' },
  not_offer_staff: { da: 'Vælg en medarbejder i en enhed, der driver tilbuddet.', en: 'Choose a staff member of a unit that runs the offer.' },
  counselling_offer: { da: 'Vælg et tilbud med åben rådgivning, som din enhed driver.', en: 'Choose an open-counselling offer that your unit runs.' },
  workshop_offer: {
    da: 'Vælg et tilbud om workshop, oplæg eller kompetenceforum, som din enhed driver.',
    en: 'Choose a workshop, talk or competence-forum offer that your unit runs.',
  },
  unknown_child: { da: 'Find barnet i registret, og vælg det.', en: 'Find the child in the registry and choose it.' },
  unknown_unit: { da: 'Vælg en enhed i kommunen.', en: 'Choose a unit of the municipality.' },
  lookup_criteria: {
    da: 'Indtast barnets CPR-nummer, eller fornavn, efternavn og fødselsdato.',
    en: 'Enter the child’s CPR number, or first name, last name and date of birth.',
  },
  consent_required: {
    da: 'Registrér forældrenes samtykke (hvem, hvornår og hvordan) for at bede om sparring om et navngivet barn – eller bed om anonym sparring.',
    en: 'Record the parents’ consent (who, when and how) to ask for sparring about a named child – or ask for anonymous sparring.',
  },
  agreement_required: {
    da: 'Forældrene skal have givet deres accept, før en trivselssamtale kan registreres.',
    en: 'The parents must have agreed before a wellbeing conversation can be recorded.',
  },
  after_conversation: { da: '{label} må ikke ligge efter samtalen.', en: '{label} must not be after the conversation.' },
  before_request: { da: '{label} må ikke ligge før anmodningen.', en: '{label} must not be before the request.' },
  child_or_expectant_parent: {
    da: 'Vælg et barn, eller udfyld oplysningerne om den vordende forælder (ikke begge).',
    en: 'Choose a child, or fill in the expectant parent’s details (not both).',
  },
  unborn_ground_needed: {
    da: 'En underretning om vordende forældre skal have grunden om det ufødte barn.',
    en: 'A notification about expectant parents needs the unborn-child ground.',
  },
  not_own_unit: { da: 'Vælg en af dine egne arbejdspladser.', en: 'Choose one of your own workplaces.' },
  before_received: { da: '{label} må ikke ligge før underretningen blev modtaget.', en: '{label} must not be before the notification was received.' },
  invalid_closing_day: { da: 'Lukkedage skal skrives MM-DD eller ÅÅÅÅ-MM-DD.', en: 'Closing days must be written MM-DD or YYYY-MM-DD.' },
  goal_missing: { da: 'Skriv et mål til bekymringsudsagnet. Hvert bekymringsudsagn skal have præcis ét mål.', en: 'Write a goal for the statement. Every danger statement needs exactly one goal.' },
  statement_missing: { da: 'Skriv bekymringsudsagnet, som målet hører til.', en: 'Write the statement the goal belongs to.' },
  ssd_not_allowed: { da: 'Medarbejderen kan ikke deltage uden samtykke (SSD-reglen gælder kun de nævnte faggrupper).', en: 'This staff member cannot take part without consent (the SSD rule covers only the listed kinds).' },
  not_custody_holder: { da: 'Samtykket skal gives af en forælder med forældremyndighed over barnet.', en: 'Consent must be given by a parent with custody of the child.' },
} as const satisfies Record<string, Record<Language, string>>;

/** A stable field error code. */
export type FieldCode = keyof typeof fieldMessages;

/** Human labels for request fields, used in field messages. */
const fieldLabels: Record<string, Record<Language, string>> = {
  name: { da: 'navn', en: 'name' },
  username: { da: 'brugernavn', en: 'username' },
  password: { da: 'adgangskode', en: 'password' },
  email: { da: 'e-mail', en: 'email' },
  profession: { da: 'faggruppe', en: 'profession' },
  kind: { da: 'type', en: 'kind' },
  districtId: { da: 'distrikt', en: 'district' },
  districtIds: { da: 'distrikter', en: 'districts' },
  clusterId: { da: 'klynge', en: 'cluster' },
  unitId: { da: 'enhed', en: 'unit' },
  address: { da: 'adresse', en: 'address' },
  phone: { da: 'telefon', en: 'phone' },
  plannedAt: { da: 'tidspunkt', en: 'time' },
  participantIds: { da: 'deltagere', en: 'participants' },
  location: { da: 'sted', en: 'location' },
  body: { da: 'tekst', en: 'text' },
  visitId: { da: 'besøg', en: 'visit' },
  measuredOn: { da: 'måledato', en: 'date measured' },
  weightGrams: { da: 'vægt (g)', en: 'weight (g)' },
  lengthCm: { da: 'længde (cm)', en: 'length (cm)' },
  headCm: { da: 'hovedomfang (cm)', en: 'head circumference (cm)' },
  templateKey: { da: 'besøgstype', en: 'contact' },
  templates: { da: 'besøgsprogram', en: 'visit programme' },
  key: { da: 'nøgle', en: 'key' },
  labelDa: { da: 'dansk betegnelse', en: 'Danish label' },
  labelEn: { da: 'engelsk betegnelse', en: 'English label' },
  track: { da: 'forløb', en: 'track' },
  anchor: { da: 'regnes fra', en: 'counted from' },
  earliest: { da: 'tidligst', en: 'earliest' },
  latest: { da: 'senest', en: 'latest' },
  status: { da: 'status', en: 'status' },
  start: { da: 'startdato', en: 'start date' },
  startsOn: { da: 'startdato', en: 'start date' },
  endsOn: { da: 'slutdato', en: 'end date' },
  validFrom: { da: 'gyldig fra', en: 'valid from' },
  validUntil: { da: 'gyldig til', en: 'valid until' },
  version: { da: 'version', en: 'version' },
  from: { da: 'fra-dato', en: 'from date' },
  cpr: { da: 'CPR-nummer', en: 'CPR number' },
  preferredLanguage: { da: 'foretrukket sprog', en: 'preferred language' },
  interpreterNeeded: { da: 'behov for tolk', en: 'interpreter needed' },
  custody: { da: 'forældremyndighed', en: 'custody' },
  livesWithChild: { da: 'bor sammen med barnet', en: 'lives with the child' },
  postalCode: { da: 'postnummer', en: 'postcode' },
  city: { da: 'by', en: 'town' },
  legalSex: { da: 'juridisk køn', en: 'legal sex' },
  dischargedWithin72h: { da: 'udskrevet inden for 72 timer', en: 'discharged within 72 hours' },
  adultId: { da: 'voksen', en: 'adult' },
  confirmNotDuplicate: { da: 'bekræftelse af nyt barn', en: 'confirmation of a new child' },
  participants: { da: 'deltagere', en: 'participants' },
  active: { da: 'aktiv', en: 'active' },
  limit: { da: 'antal', en: 'limit' },
  cursor: { da: 'side', en: 'page' },
  q: { da: 'søgning', en: 'search' },
  firstName: { da: 'fornavn', en: 'first name' },
  lastName: { da: 'efternavn', en: 'last name' },
  birthDate: { da: 'fødselsdato', en: 'date of birth' },
  expectedDate: { da: 'terminsdato', en: 'expected date' },
  healthUnitId: { da: 'sundhedsplejeenhed', en: 'health-visiting unit' },
  healthVisitorId: { da: 'sundhedsplejerske', en: 'health visitor' },
  staffId: { da: 'medarbejder', en: 'staff member' },
  guardians: { da: 'forældre', en: 'parents' },
  relation: { da: 'relation', en: 'relation' },
  reason: { da: 'begrundelse', en: 'reason' },
  duplicateId: { da: 'dublet', en: 'duplicate' },
  to: { da: 'til-dato', en: 'to date' },  instrument: { da: 'instrument', en: 'instrument' },
  observedOn: { da: 'observationsdato', en: 'observation date' },
  answers: { da: 'svar', en: 'answers' },
  answerFormat: { da: 'svarformat', en: 'answer format' },
  respondentRole: { da: 'besvarerens rolle', en: 'respondent role' },
  respondentId: { da: 'besvarer', en: 'respondent' },
  timepoint: { da: 'tidspunkt', en: 'timepoint' },
  pregnancyWeek: { da: 'graviditetsuge', en: 'week of pregnancy' },
  language: { da: 'sprog', en: 'language' },
  default: { da: 'grænseværdi', en: 'cut-off' },
  byRole: { da: 'grænseværdier pr. rolle', en: 'cut-offs per role' },
  mother: { da: 'grænseværdi for mor', en: 'cut-off for the mother' },
  father: { da: 'grænseværdi for far', en: 'cut-off for the father' },
  co_parent: { da: 'grænseværdi for medforælder', en: 'cut-off for the co-parent' },
  items: { da: 'punkter', en: 'items' },
  number: { da: 'punktnummer', en: 'item number' },
  text: { da: 'tekst', en: 'text' },
  options: { da: 'svarmuligheder', en: 'response options' },
  note: { da: 'notat', en: 'note' },
  decision: { da: 'beslutning', en: 'decision' },
  level: { da: 'niveau', en: 'level' },
  comment: { da: 'kommentar', en: 'comment' },
  season: { da: 'sæson', en: 'season' },
  year: { da: 'år', en: 'year' },
  periodStart: { da: 'periodens start', en: 'start of the period' },
  periodEnd: { da: 'periodens slutning', en: 'end of the period' },
  scale: { da: 'skala', en: 'scale' },
  adultIds: { da: 'deltagende forældre', en: 'participating parents' },
  capacity: { da: 'antal pladser', en: 'capacity' },
  startDate: { da: 'startdato', en: 'start date' },
  durationMinutes: { da: 'varighed (minutter)', en: 'duration (minutes)' },
  sessionCount: { da: 'antal møder', en: 'number of sessions' },
  weekday: { da: 'ugedag', en: 'weekday' },
  ageFromMonths: { da: 'alder fra (måneder)', en: 'age from (months)' },
  ageToMonths: { da: 'alder til (måneder)', en: 'age to (months)' },
  marks: { da: 'fremmøde', en: 'attendance' },
  participantId: { da: 'deltager', en: 'participant' },
  observed: { da: 'hvad I har observeret', en: 'what was observed' },
  observedSince: { da: 'siden hvornår', en: 'since when' },
  parentsInformed: { da: 'om forældrene er orienteret', en: 'whether the parents have been told' },
  parentsInformedHow: { da: 'hvordan forældrene er orienteret', en: 'how the parents were told' },
  parentsInformedOn: { da: 'hvornår forældrene blev orienteret', en: 'when the parents were told' },
  question: { da: 'hvad I ønsker sparring om', en: 'what you would like sparring about' },
  consent: { da: 'forældrenes samtykke', en: 'the parents’ consent' },
  givenBy: { da: 'hvem gav samtykke', en: 'who consented' },
  givenOn: { da: 'samtykkedato', en: 'date of consent' },
  how: { da: 'hvordan samtykket blev givet', en: 'how consent was given' },
  heldOn: { da: 'dato', en: 'date' },
  advice: { da: 'råd', en: 'advice' },
  nextStep: { da: 'næste skridt', en: 'next step' },
  parentsAgreed: { da: 'forældrenes accept', en: 'the parents’ agreement' },
  agreementHow: { da: 'hvordan forældrene gav accept', en: 'how the parents agreed' },
  agreementOn: { da: 'dato for forældrenes accept', en: 'date of the parents’ agreement' },
  notes: { da: 'notat', en: 'notes' },
  anonymous: { da: 'anonym eller navngivet', en: 'anonymous or named' },
  childId: { da: 'barn', en: 'child' },
  grounds: { da: 'grunde', en: 'grounds' },
  observations: { da: 'iagttagelser', en: 'observations' },
  notInformedReason: { da: 'grunden til, at forældrene ikke er orienteret', en: 'why the parents were not told' },
  notInformedText: { da: 'uddybning', en: 'explanation' },
  notifierUnitId: { da: 'arbejdsplads', en: 'workplace' },
  confirmedOn: { da: 'kvitteringsdato', en: 'receipt date' },
  assessedAt: { da: 'vurderingstidspunkt', en: 'time of the assessment' },
  feedbackReason: { da: 'begrundelse for ikke at give tilbagemelding', en: 'reason for withholding feedback' },

  startTime: { da: 'starttidspunkt', en: 'start time' },
  place: { da: 'sted', en: 'place' },
  facilitatorUnitId: { da: 'mødeleders enhed', en: 'facilitator’s unit' },
  legalBasis: { da: 'grundlag for deling', en: 'legal basis for sharing' },
  form: { da: 'samtykkets form', en: 'form of consent' },
  ssdSpecialCase: { da: 'særligt tilfælde', en: 'special case' },
  ssdSpecialReason: { da: 'begrundelse for særligt tilfælde', en: 'reason for the special case' },
  followsMeetingId: { da: 'opfølgning på møde', en: 'follows meeting' },
  sparringRequestId: { da: 'sparringsanmodning', en: 'sparring request' },
  wording: { da: 'ordlyd', en: 'wording' },
  scaleAnchorLow: { da: 'skalaens 0', en: 'scale anchor 0' },
  scaleAnchorHigh: { da: 'skalaens 10', en: 'scale anchor 10' },
  parentSummary: { da: 'sammendrag til forældrene', en: 'summary for the parents' },
  attended: { da: 'deltog', en: 'took part' },
  rating: { da: 'skalering', en: 'rating' },
  harm: { da: 'skade', en: 'harm' },
  dangers: { da: 'bekymringsudsagn', en: 'danger statements' },
  statement: { da: 'bekymringsudsagn', en: 'statement' },
  goal: { da: 'mål', en: 'goal' },
  complicating: { da: 'komplicerende faktorer', en: 'complicating factors' },
  strengths: { da: 'ressourcer', en: 'strengths' },
  existingSafety: { da: 'eksisterende sikkerhed', en: 'existing safety' },
  childPerspective: { da: 'barnets perspektiv', en: 'the child’s perspective' },
  description: { da: 'beskrivelse', en: 'description' },
  ownerParticipantId: { da: 'ansvarlig', en: 'owner' },
  dueOn: { da: 'frist', en: 'due date' },
  parents: { da: 'forældre', en: 'parents' },
  network: { da: 'netværk', en: 'network' },
  staff: { da: 'medarbejdere', en: 'staff' },
  offerId: { da: 'tilbud', en: 'offer' },
  professionalId: { da: 'fagperson', en: 'professional' },
  startsAt: { da: 'starttidspunkt', en: 'start time' },
  endsAt: { da: 'sluttidspunkt', en: 'end time' },
  theme: { da: 'tema', en: 'theme' },
  facilitatorIds: { da: 'oplægsholdere', en: 'facilitators' },
  consentGivenByRole: { da: 'hvem der gav samtykke', en: 'who gave consent' },
  consentGivenByName: { da: 'navnet på den, der gav samtykke', en: 'the name of the person who consented' },
  consentForm: { da: 'samtykkets form', en: 'form of consent' },
  consentGivenAt: { da: 'tidspunkt for samtykket', en: 'time of consent' },
  ageBand: { da: 'aldersgruppe', en: 'age group' },
  topic: { da: 'emne', en: 'topic' },
  purpose: { da: 'formål', en: 'purpose' },
  recipientUnitIds: { da: 'modtagende enheder', en: 'recipient units' },
  recipientProfessions: { da: 'modtagende faggrupper', en: 'recipient professions' },
  categories: { da: 'kategorier', en: 'categories' },
  toUnitId: { da: 'modtager', en: 'recipient' },
  category: { da: 'kategori', en: 'category' },
  title: { da: 'overskrift', en: 'title' },
  consentId: { da: 'samtykke', en: 'consent' },
  withdrawnByAdultId: { da: 'tilbagekaldt af', en: 'withdrawn by' },
  outcome: { da: 'udfald', en: 'outcome' },
  enrolmentId: { da: 'indskrivning', en: 'enrolment' },
  development: { da: 'udvikling og trivsel', en: 'development and wellbeing' },
  worksWell: { da: 'det der fungerer godt', en: 'what works well' },
  support: { da: 'aftalt støtte', en: 'agreed support' },
  parentsWords: { da: 'forældrenes egne ord', en: 'the parents’ own words' },
  screeningIds: { da: 'screeninger', en: 'screenings' },
  parts: { da: 'dele', en: 'parts' },
  at: { da: 'tidspunkt', en: 'time' },
  defaultCapacity: { da: 'antal pladser pr. forløb', en: 'places per course' },
  defaultSessionCount: { da: 'antal møder', en: 'number of sessions' },
  defaultSessionMinutes: { da: 'varighed pr. møde', en: 'length of each session' },
  minSessionsToComplete: { da: 'antal møder for at gennemføre', en: 'sessions needed to complete' },
  requiredCertification: { da: 'krav til forløbsleder', en: 'facilitator requirement' },
  unitIds: { da: 'enheder', en: 'units' },
  audience: { da: 'målgruppe', en: 'target group' },
  format: { da: 'form', en: 'format' },
  method: { da: 'metode', en: 'method' },
};

/**
 * Fills `{placeholders}` in a text.
 * @example fill('Wait {minutes} minutes', { minutes: 5 })
 */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/**
 * The message for one field error, in the given language.
 * @example fieldMessage('required', 'name', 'da') // 'Udfyld navn.'
 */
export function fieldMessage(
  code: FieldCode,
  field: string,
  language: Language,
  values: Record<string, string | number> = {},
): string {
  const leaf = field.split('.').pop() ?? field;
  const label = fieldLabels[leaf]?.[language] ?? leaf;
  const text = fill(fieldMessages[code][language], { label, ...values });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
