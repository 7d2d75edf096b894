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
  'staff.username_taken': { da: 'Brugernavnet er allerede i brug.', en: 'The username is already in use.' },
  'organisation.name_taken': { da: 'Navnet er allerede i brug.', en: 'The name is already in use.' },
  'organisation.cluster_outside_district': {
    da: 'Klyngen hører ikke til det valgte distrikt.',
    en: 'The cluster does not belong to the chosen district.',
  },
  'method.not_allowed': { da: 'Metoden er ikke tilladt.', en: 'Method not allowed.' },
  'server.error': {
    da: 'Der opstod en fejl hos os. Dine oplysninger er ikke gemt. Prøv igen om lidt.',
    en: 'Something went wrong on our side. Nothing was saved. Try again shortly.',
  },
} as const satisfies Record<string, Record<Language, string>>;

/** A stable problem code. */
export type ProblemCode = keyof typeof problemTitles;

/** Field-level messages, keyed by a stable field error code. */
export const fieldMessages = {
  required: { da: 'Udfyld {label}.', en: 'Enter {label}.' },
  invalid_type: { da: '{label} har en forkert type.', en: '{label} has the wrong type.' },
  too_short: { da: '{label} skal være mindst {minimum} tegn.', en: '{label} must be at least {minimum} characters.' },
  too_long: { da: '{label} må højst være {maximum} tegn.', en: '{label} must be at most {maximum} characters.' },
  too_small: { da: '{label} skal være mindst {minimum}.', en: '{label} must be at least {minimum}.' },
  too_big: { da: '{label} må højst være {maximum}.', en: '{label} must be at most {maximum}.' },
  invalid_date: { da: '{label} skal være en gyldig dato (ÅÅÅÅ-MM-DD).', en: '{label} must be a valid date (YYYY-MM-DD).' },
  invalid_id: { da: '{label} er ikke et gyldigt id.', en: '{label} is not a valid id.' },
  invalid_email: { da: '{label} skal være en gyldig e-mailadresse.', en: '{label} must be a valid email address.' },
  invalid_choice: { da: 'Vælg en af de mulige værdier for {label}.', en: 'Choose one of the allowed values for {label}.' },
  invalid_format: { da: '{label} har et forkert format.', en: '{label} has the wrong format.' },
  unknown_field: { da: 'Feltet {label} kendes ikke.', en: 'The field {label} is not known.' },
  end_before_start: { da: '{label} skal ligge efter startdatoen.', en: '{label} must be after the start date.' },
  invalid: { da: '{label} er ugyldig.', en: '{label} is invalid.' },
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
  clusterId: { da: 'klynge', en: 'cluster' },
  unitId: { da: 'enhed', en: 'unit' },
  address: { da: 'adresse', en: 'address' },
  phone: { da: 'telefon', en: 'phone' },
  startsOn: { da: 'startdato', en: 'start date' },
  endsOn: { da: 'slutdato', en: 'end date' },
  validFrom: { da: 'gyldig fra', en: 'valid from' },
  validUntil: { da: 'gyldig til', en: 'valid until' },
  version: { da: 'version', en: 'version' },
  from: { da: 'fra-dato', en: 'from date' },
  to: { da: 'til-dato', en: 'to date' },
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
