/**
 * The concern scales a municipality can choose for wellbeing ratings in
 * daycare (domain.md §5.2, rule T3): the TOPI-style three positions
 * green/yellow/red (the default) or a five-level concern barometer.
 *
 * The labels and plain-language meanings are Spire's own wording (no
 * licensed text). A definition is never edited once released: a change is a
 * new `definitionVersion`. When a municipality starts using a scale, the
 * levels are copied into `wellbeing_scales` and every round and rating points
 * at that copy, so old ratings keep the scale they were made with.
 */

/** One level of a scale; rank 1 is "no concern", the highest rank the strongest concern. */
export interface ScaleLevel {
  key: string;
  rank: number;
  /** A colour for charts (the level is never told by colour alone: labels and rank go with it). */
  colour: string;
  labelDa: string;
  labelEn: string;
  meaningDa: string;
  meaningEn: string;
}

/** A released scale definition. */
export interface ScaleDefinition {
  key: ScaleKey;
  definitionVersion: string;
  nameDa: string;
  nameEn: string;
  levels: ScaleLevel[];
}

/** The scales a municipality can choose. */
export const scaleKeys = ['topi-3', 'barometer-5'] as const;
/** A scale's key. */
export type ScaleKey = (typeof scaleKeys)[number];

/** The scale that applies until a municipality chooses another. */
export const DEFAULT_SCALE: ScaleKey = 'topi-3';

const TOPI_3: ScaleDefinition = {
  key: 'topi-3',
  definitionVersion: 'TOPI-3/1',
  nameDa: 'Trivselsvurdering med tre positioner (grøn, gul, rød)',
  nameEn: 'Wellbeing rating with three positions (green, yellow, red)',
  levels: [
    {
      key: 'green',
      rank: 1,
      colour: '#358000',
      labelDa: 'Grøn – trives',
      labelEn: 'Green – thriving',
      meaningDa: 'Barnet trives og udvikler sig, som vi kan forvente. Den almindelige pædagogiske praksis er nok.',
      meaningEn: 'The child is thriving and developing as we would expect. Ordinary pedagogical practice is enough.',
    },
    {
      key: 'yellow',
      rank: 2,
      colour: '#d9a400',
      labelDa: 'Gul – i risiko / opmærksomhed',
      labelEn: 'Yellow – at risk / attention',
      meaningDa:
        'Noget i barnets trivsel eller udvikling får os til at undre os. Vi følger barnet tættere, taler med forældrene og lægger en plan i institutionen.',
      meaningEn:
        'Something in the child’s wellbeing or development makes us wonder. We follow the child more closely, talk with the parents and make a plan in the unit.',
    },
    {
      key: 'red',
      rank: 3,
      colour: '#b51d09',
      labelDa: 'Rød – mistrivsel / bekymring',
      labelEn: 'Red – not thriving / concern',
      meaningDa:
        'Vi er bekymrede: barnet mistrives. Forældrene inddrages, vi søger sparring hos andre fagpersoner (fx PPR eller en socialfaglig medarbejder), og vi overvejer, om vi skal underrette.',
      meaningEn:
        'We are concerned: the child is not thriving. The parents are involved, we seek advice from other professionals (for example PPR or a social worker), and we consider whether to notify.',
    },
  ],
};

const BAROMETER_5: ScaleDefinition = {
  key: 'barometer-5',
  definitionVersion: 'BAROMETER-5/1',
  nameDa: 'Bekymringsbarometer med fem trin',
  nameEn: 'Concern barometer with five levels',
  levels: [
    {
      key: 'thriving',
      rank: 1,
      colour: '#358000',
      labelDa: '1 – Trives',
      labelEn: '1 – Thriving',
      meaningDa: 'Barnet trives og er i god udvikling.',
      meaningEn: 'The child is thriving and developing well.',
    },
    {
      key: 'fragile',
      rank: 2,
      colour: '#7a9e1f',
      labelDa: '2 – Skrøbelig trivsel',
      labelEn: '2 – Fragile wellbeing',
      meaningDa: 'Barnet trives for det meste, men vi ser små tegn på, at det er sårbart. Vi holder øje.',
      meaningEn: 'The child mostly thrives, but we see small signs that it is vulnerable. We keep an eye on it.',
    },
    {
      key: 'attention',
      rank: 3,
      colour: '#d9a400',
      labelDa: '3 – Opmærksomhed',
      labelEn: '3 – Attention',
      meaningDa: 'Barnets trivsel eller udvikling er udfordret. Vi lægger en plan i institutionen sammen med forældrene.',
      meaningEn: 'The child’s wellbeing or development is challenged. We make a plan in the unit together with the parents.',
    },
    {
      key: 'concern',
      rank: 4,
      colour: '#d35400',
      labelDa: '4 – Bekymring',
      labelEn: '4 – Concern',
      meaningDa: 'Vi er bekymrede for barnet. Vi inddrager forældrene og søger sparring hos andre fagpersoner.',
      meaningEn: 'We are concerned about the child. We involve the parents and seek advice from other professionals.',
    },
    {
      key: 'serious_concern',
      rank: 5,
      colour: '#b51d09',
      labelDa: '5 – Alvorlig bekymring',
      labelEn: '5 – Serious concern',
      meaningDa: 'Barnet mistrives alvorligt. Andre fagpersoner inddrages nu, og vi vurderer, om vi har pligt til at underrette.',
      meaningEn: 'The child is seriously unwell. Other professionals are involved now, and we assess whether we have a duty to notify.',
    },
  ],
};

const DEFINITIONS: Record<ScaleKey, ScaleDefinition> = { 'topi-3': TOPI_3, 'barometer-5': BAROMETER_5 };

/**
 * The current definition of a scale.
 * @example scaleDefinition('topi-3').levels.map((l) => l.key) // ['green', 'yellow', 'red']
 */
export function scaleDefinition(key: ScaleKey): ScaleDefinition {
  return DEFINITIONS[key];
}

/** Every scale a municipality can choose, in the order offered. */
export const scaleDefinitions: ScaleDefinition[] = scaleKeys.map((key) => DEFINITIONS[key]);

/**
 * The level with `key` in a list of levels, or undefined when the scale has no such level.
 * @example levelOf(scaleDefinition('barometer-5').levels, 'green') // undefined
 */
export function levelOf(levels: ScaleLevel[], key: string): ScaleLevel | undefined {
  return levels.find((level) => level.key === key);
}
