/**
 * Journal notes (health data). A note is signed by its author when written and
 * never changed: a correction is a new note that supersedes it, written by the
 * same author, and the earlier text stays readable as the note's history.
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Work } from '../../access/work';
import { isUniqueViolation } from '../../db/errors';
import type { DB } from '../../db/types';
import { invalidFields, notFound, Problem } from '../../errors';
import { guardChildHealth } from '../../access/child-access';
import { foreignVisit, staffActor } from './checks';
import type { CreateNoteInput, NoteShape, NoteVersionShape } from './schema';

interface NoteRow {
  id: string;
  child_id: string;
  visit_id: string | null;
  author_id: string;
  author_name: string;
  body: string;
  signed_at: Date;
  supersedes_id: string | null;
}

const alreadyCorrected = () => new Problem(409, 'notes.already_corrected');

/** Journal notes, scoped to the actor. */
export class NotesRepo {
  constructor(private readonly work: Work) {}

  /** The child's current notes, newest first, each with its earlier versions (oldest first). */
  async list(childId: string): Promise<NoteShape[]> {
    await guardChildHealth(this.work, childId, 'read');
    const trx = await this.work.tx();
    const notes = chains(await this.rows(trx, childId));
    this.work.audit({ action: 'read', category: 'health', subjectIds: [childId], outcome: 'allowed', detail: { notes: notes.length } });
    return notes;
  }

  /** Writes a note, signed by the actor now. */
  async create(childId: string, input: CreateNoteInput): Promise<NoteShape> {
    const actor = staffActor(this.work);
    await guardChildHealth(this.work, childId, 'create');
    const trx = await this.work.tx();
    const issues = await foreignVisit(trx, childId, input.visitId);
    if (issues.length) throw invalidFields(issues);
    const id = uuidv7();
    await trx
      .insertInto('journal_notes')
      .values({ id, child_id: childId, visit_id: input.visitId ?? null, author_id: actor.id, body: input.body, signed_at: new Date() })
      .execute();
    this.work.audit({ action: 'create', category: 'health', subjectIds: [childId], outcome: 'allowed', detail: { note: id } });
    return this.current(trx, childId, id);
  }

  /**
   * Corrects a note: only its author may, and only the latest version (a note
   * already corrected answers 409). The earlier text is kept as history.
   */
  async correct(noteId: string, input: { body: string }): Promise<NoteShape> {
    const actor = staffActor(this.work);
    const trx = await this.work.tx();
    const note = await trx
      .selectFrom('journal_notes as n')
      .innerJoin('persons as p', 'p.id', 'n.child_id')
      .select(['n.id', 'n.child_id', 'n.visit_id', 'n.author_id'])
      .where('n.id', '=', noteId)
      .where('p.municipality_id', '=', actor.municipalityId)
      .executeTakeFirst();
    if (!note) throw notFound();
    await guardChildHealth(this.work, note.child_id, 'update');
    if (note.author_id !== actor.id) {
      this.work.audit({ action: 'update', category: 'health', subjectIds: [note.child_id], outcome: 'denied', detail: { note: noteId, reason: 'not_author' } });
      throw new Problem(403, 'notes.not_author');
    }
    const successor = await trx.selectFrom('journal_notes').select('id').where('supersedes_id', '=', noteId).executeTakeFirst();
    if (successor) throw alreadyCorrected();
    const id = uuidv7();
    try {
      await trx
        .insertInto('journal_notes')
        .values({
          id,
          child_id: note.child_id,
          visit_id: note.visit_id,
          author_id: actor.id,
          body: input.body,
          signed_at: new Date(),
          supersedes_id: noteId,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyCorrected();
      throw error;
    }
    this.work.audit({ action: 'update', category: 'health', subjectIds: [note.child_id], outcome: 'allowed', detail: { note: id, corrects: noteId } });
    return this.current(trx, note.child_id, id);
  }

  private async current(trx: Transaction<DB>, childId: string, id: string): Promise<NoteShape> {
    const note = chains(await this.rows(trx, childId)).find((n) => n.id === id);
    if (!note) throw notFound();
    return note;
  }

  private rows(trx: Transaction<DB>, childId: string): Promise<NoteRow[]> {
    return trx
      .selectFrom('journal_notes as n')
      .innerJoin('staff as s', 's.id', 'n.author_id')
      .select(['n.id', 'n.child_id', 'n.visit_id', 'n.author_id', 's.name as author_name', 'n.body', 'n.signed_at', 'n.supersedes_id'])
      .where('n.child_id', '=', childId)
      .orderBy('n.signed_at')
      .orderBy('n.id')
      .execute();
  }
}

const version = (row: NoteRow): NoteVersionShape => ({
  id: row.id,
  body: row.body,
  authorId: row.author_id,
  authorName: row.author_name,
  signedAt: new Date(row.signed_at).toISOString(),
});

/**
 * Groups rows into current notes with their history: a note nobody supersedes is
 * current; following `supersedes_id` back gives its earlier versions.
 */
function chains(rows: NoteRow[]): NoteShape[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const superseded = new Set(rows.map((r) => r.supersedes_id).filter((id): id is string => id !== null));
  const notes: { note: NoteShape; firstSignedAt: number }[] = [];
  for (const row of rows) {
    if (superseded.has(row.id)) continue;
    const history: NoteVersionShape[] = [];
    let previous = row.supersedes_id ? byId.get(row.supersedes_id) : undefined;
    while (previous) {
      history.unshift(version(previous));
      previous = previous.supersedes_id ? byId.get(previous.supersedes_id) : undefined;
    }
    notes.push({
      note: { ...version(row), childId: row.child_id, visitId: row.visit_id, supersedesId: row.supersedes_id, history },
      firstSignedAt: new Date(history[0]?.signedAt ?? row.signed_at).getTime(),
    });
  }
  return notes.sort((a, b) => b.firstSignedAt - a.firstSignedAt).map((n) => n.note);
}
