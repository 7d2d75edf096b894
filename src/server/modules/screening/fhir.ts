/**
 * FHIR R4 export of instrument definitions (Questionnaire) and recorded
 * screenings (QuestionnaireResponse), as plain JSON objects built by pure
 * functions. Items carry the topic labels only: licensed wording is never
 * exported (rules A8, E8), even where a municipality has loaded it.
 */
import type { InstrumentDefinition, IsoDate } from '../../../domain';

/** Base of Spire's canonical URLs. */
export const FHIR_BASE = 'https://spire.example/fhir';

/** Canonical URL of an instrument's Questionnaire. */
export const questionnaireUrl = (instrumentId: string) => `${FHIR_BASE}/Questionnaire/${instrumentId}`;
/** Code system of an instrument's item numbers. */
export const itemCodeSystem = (instrumentId: string) => `${FHIR_BASE}/CodeSystem/${instrumentId}-items`;
/** Extension carrying the scoring result on a QuestionnaireResponse. */
export const SCORE_EXTENSION = `${FHIR_BASE}/StructureDefinition/screening-score`;

const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';

/** Minimal FHIR R4 shapes used here. */
export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}
export interface FhirExtension {
  url: string;
  valueInteger?: number;
  valueBoolean?: boolean;
  valueString?: string;
  extension?: FhirExtension[];
}
export interface QuestionnaireItem {
  linkId: string;
  code?: FhirCoding[];
  prefix?: string;
  text: string;
  type: 'choice' | 'integer';
  required: boolean;
  readOnly?: boolean;
  answerOption?: { valueInteger: number }[];
  extension?: FhirExtension[];
}
export interface Questionnaire {
  resourceType: 'Questionnaire';
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'active';
  subjectType: ['Patient'];
  language: 'da' | 'en';
  copyright?: string;
  item: QuestionnaireItem[];
}
export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: { valueInteger: number }[];
}
export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id: string;
  questionnaire: string;
  status: 'completed';
  subject: { reference: string };
  author: { reference: string; display?: string };
  source?: { reference: string };
  authored: string;
  item: QuestionnaireResponseItem[];
  extension: FhirExtension[];
}

/** The linkId of the calculated total. */
export const TOTAL_LINK_ID = 'total';

const COPYRIGHT: Partial<Record<string, string>> = {
  epds: '© 1987 The Royal College of Psychiatrists. Item wording is not part of this resource; it is loaded from the municipality’s licensed copy.',
};

/**
 * A Questionnaire for an instrument definition: one item per instrument item
 * (linkId = item number, code from the instrument's item code system, topic
 * label as text), EPDS items as 'choice' with scored values 0–3, ADBB items as
 * 'integer' with min/max, and a read-only calculated total.
 * @example questionnaireFor(ADBB, 'en').item[0] // { linkId: '1', text: 'Facial expression', type: 'integer', … }
 */
export function questionnaireFor(definition: InstrumentDefinition, language: 'da' | 'en' = 'da'): Questionnaire {
  const choice = definition.id === 'epds';
  const range = (min: number, max: number): FhirExtension[] => [
    { url: MIN_VALUE, valueInteger: min },
    { url: MAX_VALUE, valueInteger: max },
  ];
  const items: QuestionnaireItem[] = definition.items.map((item) => {
    const text = language === 'da' ? item.topicDa : item.topicEn;
    const base = {
      linkId: String(item.number),
      code: [{ system: itemCodeSystem(definition.id), code: String(item.number), display: item.topicEn }],
      prefix: String(item.number),
      text,
      required: !choice, // an EPDS may be handed in with items unanswered (no total then, rule E5)
    };
    if (choice) {
      const answerOption = [];
      for (let value = item.minScore; value <= item.maxScore; value++) answerOption.push({ valueInteger: value });
      return { ...base, type: 'choice' as const, answerOption };
    }
    return { ...base, type: 'integer' as const, extension: range(item.minScore, item.maxScore) };
  });
  items.push({
    linkId: TOTAL_LINK_ID,
    text: language === 'da' ? 'Samlet score' : 'Total score',
    type: 'integer',
    required: false,
    readOnly: true,
    extension: range(definition.minTotal, definition.maxTotal),
  });
  return {
    resourceType: 'Questionnaire',
    id: definition.id,
    url: questionnaireUrl(definition.id),
    version: definition.version,
    name: definition.id.replace(/[^A-Za-z0-9]/g, '').toUpperCase(),
    title: language === 'da' ? definition.nameDa : definition.nameEn,
    status: 'active',
    subjectType: ['Patient'],
    language,
    ...(COPYRIGHT[definition.id] ? { copyright: COPYRIGHT[definition.id] } : {}),
    item: items,
  };
}

/** The facts of one recorded screening needed for its QuestionnaireResponse. */
export interface ScreeningFacts {
  id: string;
  instrumentId: string;
  definitionVersion: string;
  childId: string;
  recordedBy: { id: string; name: string };
  /** The parent who answered (EPDS). */
  respondentId: string | null;
  observedOn: IsoDate;
  answers: readonly (number | null)[];
  total: number | null;
  positive: boolean | null;
  urgent: boolean;
  threshold: number;
}

/**
 * A QuestionnaireResponse for a recorded screening: the questionnaire's
 * canonical with version, the child as subject, the recorder as author, the
 * answering parent as source (EPDS), one item per answered item with
 * valueInteger, the total as an item when complete, and the score (total,
 * cut-off used, positive, urgent) as an extension.
 * @example questionnaireResponseFor(facts).questionnaire // 'https://spire.example/fhir/Questionnaire/adbb|ADBB-8/2001'
 */
export function questionnaireResponseFor(facts: ScreeningFacts): QuestionnaireResponse {
  const item: QuestionnaireResponseItem[] = [];
  facts.answers.forEach((value, index) => {
    if (value !== null) item.push({ linkId: String(index + 1), answer: [{ valueInteger: value }] });
  });
  if (facts.total !== null) item.push({ linkId: TOTAL_LINK_ID, answer: [{ valueInteger: facts.total }] });
  const score: FhirExtension[] = [
    ...(facts.total !== null ? [{ url: 'total', valueInteger: facts.total }] : []),
    { url: 'cutOff', valueInteger: facts.threshold },
    ...(facts.positive !== null ? [{ url: 'positive', valueBoolean: facts.positive }] : []),
    { url: 'urgent', valueBoolean: facts.urgent },
    { url: 'complete', valueBoolean: facts.answers.every((a) => a !== null) },
  ];
  return {
    resourceType: 'QuestionnaireResponse',
    id: facts.id,
    questionnaire: `${questionnaireUrl(facts.instrumentId)}|${facts.definitionVersion}`,
    status: 'completed',
    subject: { reference: `Patient/${facts.childId}` },
    author: { reference: `Practitioner/${facts.recordedBy.id}`, display: facts.recordedBy.name },
    ...(facts.respondentId ? { source: { reference: `RelatedPerson/${facts.respondentId}` } } : {}),
    authored: facts.observedOn,
    item,
    extension: [{ url: SCORE_EXTENSION, extension: score }],
  };
}
