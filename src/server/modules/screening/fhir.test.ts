/** FHIR R4 Questionnaire and QuestionnaireResponse shapes, and that no licensed wording can get into them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADBB, EPDS, INSTRUMENTS, M_ADBB } from '../../../domain';
import { questionnaireFor, questionnaireResponseFor, questionnaireUrl } from './fhir';

describe('questionnaireFor', () => {
  it('ADBB: 8 integer items 0–4 with linkId, code and topic label, plus a read-only total 0–32', () => {
    const q = questionnaireFor(ADBB, 'en');
    expect(q).toMatchObject({ resourceType: 'Questionnaire', id: 'adbb', url: questionnaireUrl('adbb'), version: 'ADBB-8/2001', status: 'active', subjectType: ['Patient'] });
    expect(q.item).toHaveLength(9);
    expect(q.item[0]).toMatchObject({
      linkId: '1',
      text: 'Facial expression',
      type: 'integer',
      required: true,
      code: [{ system: 'https://spire.example/fhir/CodeSystem/adbb-items', code: '1', display: 'Facial expression' }],
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
        { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 4 },
      ],
    });
    expect(q.item[8]).toMatchObject({ linkId: 'total', type: 'integer', readOnly: true, extension: [{ valueInteger: 0 }, { valueInteger: 32 }] });
  });

  it('EPDS: 10 choice items with scored values 0–3 as answer options, Danish topic labels, and the copyright holder', () => {
    const q = questionnaireFor(EPDS, 'da');
    expect(q.item.filter((i) => i.type === 'choice')).toHaveLength(10);
    expect(q.item[9]).toMatchObject({ linkId: '10', text: 'Tanker om at skade sig selv', answerOption: [{ valueInteger: 0 }, { valueInteger: 1 }, { valueInteger: 2 }, { valueInteger: 3 }] });
    expect(q.copyright).toContain('Royal College of Psychiatrists');
  });

  it('m-ADBB: 5 items 0–2, total 0–10', () => {
    const q = questionnaireFor(M_ADBB);
    expect(q.item.map((i) => i.linkId)).toEqual(['1', '2', '3', '4', '5', 'total']);
    expect(q.item[4].extension?.[1]).toEqual({ url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 2 });
  });

  it('item texts are exactly the topic labels (never anything longer)', () => {
    for (const definition of Object.values(INSTRUMENTS)) {
      for (const language of ['da', 'en'] as const) {
        const q = questionnaireFor(definition, language);
        expect(q.item.slice(0, -1).map((i) => i.text)).toEqual(definition.items.map((i) => (language === 'da' ? i.topicDa : i.topicEn)));
      }
    }
  });
});

describe('questionnaireResponseFor', () => {
  const base = {
    id: '0190a000-0000-7000-8000-000000000001',
    definitionVersion: 'EPDS-10/1987',
    instrumentId: 'epds',
    childId: '0190a000-0000-7000-8000-000000000002',
    recordedBy: { id: '0190a000-0000-7000-8000-000000000003', name: 'Hanne Sundhed' },
    respondentId: '0190a000-0000-7000-8000-000000000004',
    observedOn: '2026-05-06',
    threshold: 11,
  };

  it('a complete EPDS: canonical with version, child as subject, author, parent as source, items, total item and score extension', () => {
    const r = questionnaireResponseFor({ ...base, answers: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], total: 10, positive: false, urgent: true });
    expect(r).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'https://spire.example/fhir/Questionnaire/epds|EPDS-10/1987',
      status: 'completed',
      subject: { reference: `Patient/${base.childId}` },
      author: { reference: `Practitioner/${base.recordedBy.id}` },
      source: { reference: `RelatedPerson/${base.respondentId}` },
      authored: '2026-05-06',
    });
    expect(r.item).toHaveLength(11);
    expect(r.item[10]).toEqual({ linkId: 'total', answer: [{ valueInteger: 10 }] });
    expect(r.extension[0].extension).toEqual([
      { url: 'total', valueInteger: 10 },
      { url: 'cutOff', valueInteger: 11 },
      { url: 'positive', valueBoolean: false },
      { url: 'urgent', valueBoolean: true },
      { url: 'complete', valueBoolean: true },
    ]);
  });

  it('an incomplete form has no total item and no positive, but keeps urgent', () => {
    const r = questionnaireResponseFor({ ...base, answers: [null, null, null, null, null, null, null, null, null, 1], total: null, positive: null, urgent: true });
    expect(r.item).toEqual([{ linkId: '10', answer: [{ valueInteger: 1 }] }]);
    expect(r.extension[0].extension?.map((e) => e.url)).toEqual(['cutOff', 'urgent', 'complete']);
  });

  it('property: the answered items round-trip by linkId, and the ADBB has no source', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 8, maxLength: 8 }), (answers) => {
        const total = answers.reduce((a, b) => a + b, 0);
        const r = questionnaireResponseFor({ ...base, instrumentId: 'adbb', definitionVersion: ADBB.version, respondentId: null, answers, total, positive: total >= 5, urgent: false, threshold: 5 });
        const back = answers.map((_, i) => r.item.find((it) => it.linkId === String(i + 1))?.answer?.[0].valueInteger);
        expect(back).toEqual(answers);
        expect(r.source).toBeUndefined();
      }),
    );
  });
});
