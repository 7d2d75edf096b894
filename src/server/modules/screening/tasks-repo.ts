/**
 * Follow-up tasks and flags, scoped to the actor. Both are health data about
 * a child (and, from an EPDS, a parent): the child's caseload unit sees and
 * works them; every read and change is audited with those persons' ids.
 * Completing a task and resolving a flag each need a note.
 */
import type { Transaction } from 'kysely';
import type { Actor, StaffActor } from '../../access/actor';
import { decide } from '../../access/policy';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';
import { expectCurrentVersion, invalidFields, notFound, Problem } from '../../errors';
import { guardChildHealth } from '../../access/child-access';
import { caseloadFacts, flagOrder, flagQuery, presentFlag, presentTask, taskOrder, taskQuery } from './queries';
import type { CompleteTaskInput, FlagShape, MyTasksShape, ResolveFlagInput, TaskShape } from './schema';

/** The actor's open work, as {@link openTasksFor} returns it. */
export interface OpenWork extends MyTasksShape {
  /** Everyone the data concern (children and parents), for the caller's audit entry. */
  subjectIds: string[];
}

/**
 * The actor's open tasks and the open flags on children whose health data the
 * actor may see, with counts. Reads only; the caller writes the audit entry
 * (naming `subjectIds`), so that "Min dag" can include this in its own.
 * Three queries whatever the numbers.
 * @example const work = await openTasksFor(trx, actor); work.counts.urgent
 */
export async function openTasksFor(trx: Transaction<DB>, actor: Actor, today = todayInDenmark()): Promise<OpenWork> {
  const empty: OpenWork = { date: today, tasks: [], flags: [], counts: { tasks: 0, urgent: 0, overdue: 0, dueToday: 0, flags: 0 }, subjectIds: [] };
  if (actor.kind !== 'staff') return empty;
  const taskRows = await taskQuery(trx)
    .where('t.assignee_id', '=', actor.id)
    .where('t.status', '=', 'open')
    .where('t.municipality_id', '=', actor.municipalityId)
    .where('p.merged_into', 'is', null)
    .execute();
  const healthUnits = actor.units.filter((u) => u.kind === 'health_visiting').map((u) => u.id);
  const flagRows = healthUnits.length
    ? await flagQuery(trx)
        .innerJoin('caseload_assignments as ca', (join) => join.onRef('ca.child_id', '=', 'f.child_id').on('ca.ends_on', 'is', null))
        .where('ca.unit_id', 'in', healthUnits)
        .where('f.status', '=', 'open')
        .where('f.municipality_id', '=', actor.municipalityId)
        .where('p.merged_into', 'is', null)
        .execute()
    : [];
  // The policy has the last word on every child.
  const facts = await caseloadFacts(trx, [...new Set([...taskRows.map((t) => t.child_id), ...flagRows.map((f) => f.child_id)])]);
  const mayRead = (childId: string) => {
    const f = facts.get(childId);
    return f !== undefined && decide(actor, 'read', 'health', f);
  };
  const tasks = taskRows.filter((t) => mayRead(t.child_id)).map((t) => presentTask(t, today));
  const flags = flagRows.filter((f) => mayRead(f.child_id)).map(presentFlag);
  tasks.sort(taskOrder);
  flags.sort(flagOrder);
  const subjects = new Set<string>();
  for (const item of [...tasks, ...flags]) {
    subjects.add(item.childId);
    if (item.personId) subjects.add(item.personId);
  }
  return {
    date: today,
    tasks,
    flags,
    counts: {
      tasks: tasks.length,
      urgent: tasks.filter((t) => t.urgent).length,
      overdue: tasks.filter((t) => t.overdue).length,
      dueToday: tasks.filter((t) => t.dueOn === today).length,
      flags: flags.length,
    },
    subjectIds: [...subjects],
  };
}

/** Tasks and flags, scoped to the actor. */
export class TasksRepo {
  constructor(private readonly work: Work) {}

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('tasks need a staff actor');
    return actor;
  }

  /** The actor's open tasks and the open flags they may see (the data behind "Min dag"). */
  async mine(): Promise<MyTasksShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const { subjectIds, ...open } = await openTasksFor(trx, actor);
    if (subjectIds.length) {
      this.work.audit({
        action: 'read',
        category: 'health',
        subjectIds,
        purpose: 'Mine opgaver',
        outcome: 'allowed',
        detail: { tasks: open.counts.tasks, flags: open.counts.flags },
      });
    }
    return open;
  }

  /** A child's tasks (open first). */
  async forChild(childId: string): Promise<TaskShape[]> {
    await guardChildHealth(this.work, childId, 'read');
    const trx = await this.work.tx();
    const today = todayInDenmark();
    const tasks = (await taskQuery(trx).where('t.child_id', '=', childId).execute()).map((t) => presentTask(t, today)).sort(taskOrder);
    this.work.audit({ action: 'read', category: 'health', subjectIds: subjectsOf(childId, tasks), outcome: 'allowed', detail: { tasks: tasks.length } });
    return tasks;
  }

  /** A child's flags, and flags on its parents in relation to it (open first). */
  async flagsForChild(childId: string): Promise<FlagShape[]> {
    await guardChildHealth(this.work, childId, 'read');
    const trx = await this.work.tx();
    const flags = (await flagQuery(trx).where('f.child_id', '=', childId).execute()).map(presentFlag).sort(flagOrder);
    this.work.audit({ action: 'read', category: 'health', subjectIds: subjectsOf(childId, flags), outcome: 'allowed', detail: { flags: flags.length } });
    return flags;
  }

  /** Completes a task with a note (and, on a 'decision' task, the decision). */
  async complete(taskId: string, input: CompleteTaskInput): Promise<TaskShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const current = await taskQuery(trx).where('t.id', '=', taskId).where('t.municipality_id', '=', actor.municipalityId).executeTakeFirst();
    if (!current) throw notFound();
    await guardChildHealth(this.work, current.child_id, 'update');
    if (current.status !== 'open') throw new Problem(409, 'tasks.already_completed');
    if (current.kind === 'decision' && !input.decision?.length) throw invalidFields([{ field: 'decision', code: 'required' }]);
    const result = await trx
      .updateTable('follow_up_tasks')
      .set({
        status: 'done',
        completed_at: new Date(),
        completed_by: actor.id,
        note: input.note,
        decision: input.decision?.length ? JSON.stringify([...new Set(input.decision)]) : null,
        version: input.version + 1,
      })
      .where('id', '=', taskId)
      .where('version', '=', input.version)
      .where('status', '=', 'open')
      .executeTakeFirst();
    expectCurrentVersion(result);
    this.work.audit({
      action: 'update',
      category: 'health',
      subjectIds: current.person_id ? [current.child_id, current.person_id] : [current.child_id],
      outcome: 'allowed',
      detail: { task: taskId, kind: current.kind, completed: true, decision: input.decision ?? null },
    });
    const row = await taskQuery(trx).where('t.id', '=', taskId).executeTakeFirstOrThrow();
    return presentTask(row, todayInDenmark());
  }

  /** Resolves a flag with a note. */
  async resolveFlag(flagId: string, input: ResolveFlagInput): Promise<FlagShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const current = await flagQuery(trx).where('f.id', '=', flagId).where('f.municipality_id', '=', actor.municipalityId).executeTakeFirst();
    if (!current) throw notFound();
    await guardChildHealth(this.work, current.child_id, 'update');
    if (current.status !== 'open') throw new Problem(409, 'flags.already_resolved');
    const result = await trx
      .updateTable('flags')
      .set({ status: 'resolved', resolved_at: new Date(), resolved_by: actor.id, resolution_note: input.note, version: input.version + 1 })
      .where('id', '=', flagId)
      .where('version', '=', input.version)
      .where('status', '=', 'open')
      .executeTakeFirst();
    expectCurrentVersion(result);
    this.work.audit({
      action: 'update',
      category: 'health',
      subjectIds: current.person_id ? [current.child_id, current.person_id] : [current.child_id],
      outcome: 'allowed',
      detail: { flag: flagId, resolved: true },
    });
    return presentFlag(await flagQuery(trx).where('f.id', '=', flagId).executeTakeFirstOrThrow());
  }
}

/** The child and every parent named in the items. */
function subjectsOf(childId: string, items: { personId: string | null }[]): string[] {
  return [...new Set([childId, ...items.map((i) => i.personId).filter((id): id is string => id !== null)])];
}
