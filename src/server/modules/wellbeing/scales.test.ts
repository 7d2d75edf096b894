/** The concern scales as data (rule T3): well-formed levels in both languages, released definitions never mixed up. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, levelOf, scaleDefinition, scaleDefinitions, scaleKeys } from './scales';

describe('wellbeing scales', () => {
  it('offers the 3-level TOPI-style scale (the default) and the 5-level barometer', () => {
    expect(DEFAULT_SCALE).toBe('topi-3');
    expect(scaleDefinitions.map((s) => [s.key, s.levels.length])).toEqual([
      ['topi-3', 3],
      ['barometer-5', 5],
    ]);
    expect(scaleDefinition('topi-3').levels.map((l) => l.key)).toEqual(['green', 'yellow', 'red']);
  });

  for (const key of scaleKeys) {
    it(`${key}: ranks run 1..n, keys are unique and well-formed, every level has labels and a meaning in Danish and English`, () => {
      const { levels, definitionVersion } = scaleDefinition(key);
      expect(definitionVersion).toMatch(/^[A-Z0-9-]+\/\d+$/);
      expect(levels.map((l) => l.rank)).toEqual(levels.map((_, i) => i + 1));
      expect(new Set(levels.map((l) => l.key)).size).toBe(levels.length);
      for (const level of levels) {
        expect(level.key).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
        expect(level.colour).toMatch(/^#[0-9a-f]{6}$/);
        for (const text of [level.labelDa, level.labelEn, level.meaningDa, level.meaningEn]) expect(text.trim().length).toBeGreaterThan(2);
      }
    });
  }

  it('finds a level only on its own scale', () => {
    expect(levelOf(scaleDefinition('topi-3').levels, 'red')?.rank).toBe(3);
    expect(levelOf(scaleDefinition('barometer-5').levels, 'red')).toBeUndefined();
    expect(levelOf(scaleDefinition('topi-3').levels, 'concern')).toBeUndefined();
  });
});
