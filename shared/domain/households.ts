/**
 * The rules of a household's membership (户, DOMAIN.md §3.1): when it takes changes, who may move out on
 * their own, who arrives as head, and who may leave in a 分户 or arrive in a 并户. The server refuses by
 * them and the household page offers only what they allow.
 */
import { RELATIONS, type Relation } from './registry';

interface Member {
  id: string;
  status: string;
}

/** A household takes changes of membership only while active: a merged or dissolved one is history. */
export function householdIsActive(status: string): boolean {
  return status === 'active';
}

/** Active members only: moved-out and deceased ones stay on record but take no part in a change. */
export function activeMembers<M extends Member>(members: readonly M[]): M[] {
  return members.filter((m) => m.status === 'active');
}

/**
 * Whether a member may move to another household on their own (迁往他户): an active member, and the head
 * only when nobody else is left (otherwise a new head is chosen first, or the household is split or merged).
 */
export function mayMoveOut(member: Member, headResidentId: string | null, activeMemberCount: number): boolean {
  if (member.status !== 'active') return false;
  return member.id !== headResidentId || activeMemberCount <= 1;
}

/** The relations a resident may take on arriving in a household: `head` only when it has none. */
export function relationsOnArrival(hasHead: boolean): readonly Relation[] {
  return hasHead ? RELATIONS.filter((r) => r !== 'head') : RELATIONS;
}

/** Who may leave in a 分户: the active members except the head, who stays. */
export function splitCandidates<M extends Member>(members: readonly M[], headResidentId: string | null): M[] {
  return activeMembers(members).filter((m) => m.id !== headResidentId);
}

/**
 * Why these members may not leave together in a 分户, or null when they may: the head stays
 * (`head_stays`), and so does at least one member (`nobody_left`).
 */
export function splitRefusal(
  leaving: readonly string[],
  activeMemberIds: readonly string[],
  headResidentId: string | null,
): 'head_stays' | 'nobody_left' | null {
  if (headResidentId && leaving.includes(headResidentId)) return 'head_stays';
  if (new Set(leaving).size >= activeMemberIds.length) return 'nobody_left';
  return null;
}

/** Whether a 分户 is possible at all: one member may leave and somebody stays. */
export function maySplit(members: readonly Member[], headResidentId: string | null): boolean {
  const [first] = splitCandidates(members, headResidentId);
  const active = activeMembers(members).map((m) => m.id);
  return !!first && splitRefusal([first.id], active, headResidentId) === null;
}

/**
 * A member's relation on arriving in a 并户: the one given, else unchanged, except that the absorbing
 * household keeps its head, so the former head (or anyone recorded as head) arrives as `other`.
 */
export function relationOnMerge(
  member: { id: string; relationToHead: string | null },
  formerHeadId: string | null,
  given: Partial<Record<string, Relation>> | undefined,
): string | undefined {
  return given?.[member.id] ?? (member.id === formerHeadId || member.relationToHead === 'head' ? 'other' : undefined);
}
