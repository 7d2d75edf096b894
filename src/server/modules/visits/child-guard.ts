/**
 * The door to one child's health data (visits, notes, measurements, the
 * programme): a child the actor cannot see at all is "not found" (404); a child
 * the actor sees but whose health data they may not touch is refused (403).
 * Both refusals are audited with the child's id.
 */
import { type ChildFacts, loadChildFacts } from '../../access/child-access';
import type { Work } from '../../access/work';
import { notFound } from '../../errors';

/** What is done with the child's health data. */
export type HealthAction = 'read' | 'create' | 'update';

/**
 * Loads the child's access facts and checks `health:<action>` on them.
 * @example const facts = await guardChildHealth(this.work, childId, 'read');
 */
export async function guardChildHealth(work: Work, childId: string, action: HealthAction): Promise<ChildFacts> {
  const trx = await work.tx();
  const facts = await loadChildFacts(trx, childId);
  if (!facts || !work.may('read', 'basic', { ...facts })) {
    work.audit({ action, category: 'health', subjectIds: [childId], outcome: 'denied' });
    throw notFound();
  }
  work.authorize(action, 'health', { ...facts }, [childId]);
  return facts;
}
