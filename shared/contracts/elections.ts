import { z } from 'zod';
import { EditCapabilities } from './common';
import { RECALL_REASON_CODES } from '../domain/election-recall';
import { TALLY_REASON_CODES } from '../domain/election-tally';
import { DEADLINE_KEYS } from '../domain/election-timeline';

/** A calendar date, YYYY-MM-DD. */
const day = z.iso.date('日期格式应为 YYYY-MM-DD | date must be YYYY-MM-DD');
/** A count of people or ballots: a whole number, never negative. */
const count = (what: string) =>
  z
    .number({ error: `${what}应为数字 | ${what} must be a number` })
    .int(`${what}应为整数 | must be a whole number`)
    .min(0, `${what}不能为负数 | must not be negative`)
    .max(10_000_000, `${what}过大 | too large`);

// ------------------------------------------------------------------ tally preview (contract fixed by issue 14)

/** One candidate on the ballot. */
export const TallyCandidate = z.object({
  /** Any identifier the caller chooses (a resident id, or 1, 2, 3 on a hand count). */
  id: z.string().trim().min(1, '候选人编号不能为空 | candidate id is required').max(64),
  name: z.string().trim().min(1, '姓名不能为空 | name is required').max(50),
  sex: z.enum(['F', 'M'], { error: '性别应为 F 或 M | sex must be F or M' }),
});

/** The counts of one ballot (every polling station summed). */
export const TallyPreviewRequest = z.object({
  /** Seats to fill (5–9 for a whole committee; fewer in a second round). */
  seats: z.number().int('应为整数 | must be a whole number').min(1, '应选名额至少为 1 | at least one seat').max(9, '应选名额至多为 9 | at most 9 seats'),
  /** Voters on the roll. */
  registeredVoters: count('登记选民数'),
  ballotsIssued: count('发出选票数'),
  /** Ballots cast: the base of "more than half". */
  ballotsReturned: count('收回选票数'),
  /** Among the returned (a ballot marking more candidates than seats is invalid). */
  invalidBallots: count('无效票数'),
  /** Apply the woman-member rule. */
  requireWoman: z.boolean({ error: 'requireWoman 应为 true 或 false | requireWoman must be true or false' }),
  candidates: z.array(TallyCandidate).min(1, '至少一名候选人 | at least one candidate').max(100),
  /** Votes per candidate id; a candidate missing here got none. */
  votes: z.record(z.string(), count('得票数')),
  /** 1 = first round (more than half), 2 = second round (另行选举: the 1/3 floor). Default 1. */
  round: z.union([z.literal(1), z.literal(2)]).optional(),
});
export type TallyPreviewRequest = z.infer<typeof TallyPreviewRequest>;

/** A finding of the tally: stable code and text in both languages. */
export const TallyReason = z.object({ code: z.enum(TALLY_REASON_CODES), zh: z.string(), en: z.string() });

export const TallyResult = z.object({
  /** Whether the ballot stands (turnout over half the roll, ballots add up). */
  valid: z.boolean(),
  reasons: z.array(TallyReason),
  /** Elected candidate ids, best placed first. */
  elected: z.array(z.string()),
  unfilledSeats: z.number().int(),
  /** Candidates for the next round, best placed first. */
  runoffCandidates: z.array(z.string()),
});
export type TallyResult = z.infer<typeof TallyResult>;

// ------------------------------------------------------------------ law and timeline

export const LawVersion = z.object({
  code: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  effectiveFrom: z.string(),
  minMembers: z.number(),
  maxMembers: z.number(),
  minHouseholds: z.number(),
  maxHouseholds: z.number(),
  termYears: z.number(),
  turnoutShare: z.number(),
  winShare: z.number(),
  runoffFloorShare: z.number(),
  voterListDaysBefore: z.number(),
  objectionDays: z.number(),
  objectionAnswerDays: z.number(),
  candidateListDaysBefore: z.number(),
  minNominators: z.number(),
  requireWoman: z.boolean(),
  handoverDays: z.number(),
  rerunDays: z.number(),
  voterMinAge: z.number(),
  recallProposerShare: z.number(),
});
export const LawVersions = z.object({ items: z.array(LawVersion) });

export const Deadline = z.object({
  key: z.enum(DEADLINE_KEYS),
  date: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  basis: z.object({ zh: z.string(), en: z.string() }),
});

// ------------------------------------------------------------------ elections

export const ELECTION_MODES = ['all_voters', 'household_reps', 'group_reps'] as const;
export type ElectionMode = (typeof ELECTION_MODES)[number];
export const ELECTION_MODE_LABELS: Record<ElectionMode, { zh: string; en: string }> = {
  all_voters: { zh: '全体选民直接选举', en: 'All voters' },
  household_reps: { zh: '户代表选举', en: 'Household representatives' },
  group_reps: { zh: '居民小组代表选举', en: "Residents'-group representatives" },
};

export const ELECTION_STATUSES = ['preparing', 'runoff', 'completed', 'void', 'withdrawn'] as const;
export type ElectionStatus = (typeof ELECTION_STATUSES)[number];
export const ELECTION_STATUS_LABELS: Record<ElectionStatus, { zh: string; en: string }> = {
  preparing: { zh: '筹备中', en: 'In preparation' },
  runoff: { zh: '另行选举', en: 'Second round' },
  completed: { zh: '已完成', en: 'Completed' },
  void: { zh: '选举无效', en: 'Void' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
};

export const POSTS = ['director', 'deputy', 'member'] as const;
export type Post = (typeof POSTS)[number];
export const POST_LABELS: Record<Post, { zh: string; en: string }> = {
  director: { zh: '主任', en: 'Director' },
  deputy: { zh: '副主任', en: 'Deputy director' },
  member: { zh: '委员', en: 'Member' },
};

export const ElectionsQuery = z.object({
  communityId: z.uuid().optional(),
  status: z.enum(ELECTION_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ElectionsQuery = z.infer<typeof ElectionsQuery>;

const seatCount = z.number().int('应为整数 | must be a whole number').min(0, '不能为负数 | must not be negative').max(9);

export const CreateElectionRequest = z.object({
  communityId: z.uuid(),
  /** 第几届, e.g. 11. */
  term: z.number().int().min(1, '届次至少为 1 | term must be at least 1').max(1000),
  mode: z.enum(ELECTION_MODES),
  seatsDirector: seatCount,
  seatsDeputy: seatCount,
  seatsMember: seatCount,
  electionDate: day,
});
export type CreateElectionRequest = z.infer<typeof CreateElectionRequest>;

const version = z.number({ error: '缺少版本号 | version is required' }).int().min(1).max(2_147_483_647);

/** Edit an election before its count, at the version read (409 naming `version` when someone changed it since). */
export const UpdateElectionRequest = CreateElectionRequest.omit({ communityId: true }).partial().extend({ version });
export type UpdateElectionRequest = z.infer<typeof UpdateElectionRequest>;

/** Withdraw (cancel) an election before its result, with the reason, at the version read. */
export const WithdrawElectionRequest = z.object({
  version,
  reason: z.string().trim().min(2, '请填写撤销理由 | give the reason for withdrawing').max(500),
});

/** One election as lists show it. */
export const ElectionListItem = z.object({
  id: z.uuid(),
  communityId: z.uuid(),
  communityName: z.string(),
  term: z.number().int(),
  mode: z.enum(ELECTION_MODES),
  seatsDirector: z.number().int(),
  seatsDeputy: z.number().int(),
  seatsMember: z.number().int(),
  electionDate: z.string(),
  /** The law version in force on election day. */
  lawCode: z.string(),
  status: z.enum(ELECTION_STATUSES),
  voterCount: z.number().int(),
  candidateCount: z.number().int(),
  version: z.number().int(),
});
export type ElectionListItem = z.infer<typeof ElectionListItem>;
export const ElectionsPage = z.object({ items: z.array(ElectionListItem), total: z.number().int() });

/** A check on the candidate list (差额, the woman member, near relatives, nominators). */
export const CandidateCheck = z.object({
  code: z.enum(['MORE_CANDIDATES_THAN_SEATS', 'WOMAN_CANDIDATE', 'NEAR_RELATIVES', 'NOMINATORS', 'SEATS_IN_RANGE']),
  ok: z.boolean(),
  zh: z.string(),
  en: z.string(),
});

/** A pair of candidates who are near relatives (same household). */
export const RelativeConflict = z.object({
  candidateA: z.uuid(),
  candidateB: z.uuid(),
  nameA: z.string(),
  nameB: z.string(),
  relationA: z.string().nullable(),
  relationB: z.string().nullable(),
});

export const Candidate = z.object({
  id: z.uuid(),
  residentId: z.uuid(),
  name: z.string(),
  sex: z.enum(['F', 'M']),
  /** Age on election day. */
  age: z.number().int(),
  post: z.enum(POSTS),
  nominatorCount: z.number().int(),
  /** Candidate in the second round (另行选举). */
  inRunoff: z.boolean(),
  /** An elected member removed by a recall vote that passed (罢免). */
  recalled: z.boolean(),
});
export type Candidate = z.infer<typeof Candidate>;

export const StationTally = z.object({
  id: z.uuid(),
  round: z.number().int(),
  station: z.string(),
  ballotsIssued: z.number().int(),
  ballotsReturned: z.number().int(),
  invalidBallots: z.number().int(),
  votes: z.record(z.string(), z.number().int()),
});

/** The stored result of one round. */
export const RoundResult = TallyResult.extend({
  round: z.number().int(),
  seats: z.number().int(),
  registeredVoters: z.number().int(),
  ballotsIssued: z.number().int(),
  ballotsReturned: z.number().int(),
  invalidBallots: z.number().int(),
  votes: z.record(z.string(), z.number().int()),
  computedAt: z.string(),
});
export type RoundResult = z.infer<typeof RoundResult>;

// ------------------------------------------------------------------ objections to the roll

export const OBJECTION_KINDS = ['include', 'exclude'] as const;
export const OBJECTION_KIND_LABELS: Record<(typeof OBJECTION_KINDS)[number], { zh: string; en: string }> = {
  include: { zh: '应列入而未列入', en: 'Missing from the roll' },
  exclude: { zh: '不应列入而列入', en: 'Should not be on the roll' },
};
export const OBJECTION_STATUSES = ['open', 'upheld', 'rejected'] as const;

export const FileObjectionRequest = z.object({
  kind: z.enum(OBJECTION_KINDS, { error: '异议类型应为 include 或 exclude | kind must be include or exclude' }),
  /** The voter the objection is about, or the person missing from the roll. */
  residentId: z.uuid('请选择异议涉及的居民 | choose the resident concerned'),
  /** Who filed it (a resident's or an official's name). */
  filedBy: z.string().trim().min(1, '请填写异议人 | who filed it is required').max(50),
  reason: z.string().trim().min(2, '请填写异议理由 | give the reason').max(500),
  filedOn: day,
});
export type FileObjectionRequest = z.infer<typeof FileObjectionRequest>;

export const AnswerObjectionRequest = z.object({
  decision: z.enum(['upheld', 'rejected'], { error: '答复结论应为 upheld 或 rejected | decision must be upheld or rejected' }),
  answer: z.string().trim().min(2, '请填写答复内容 | give the answer').max(500),
  answeredOn: day,
});
export type AnswerObjectionRequest = z.infer<typeof AnswerObjectionRequest>;

export const ObjectionParams = z.object({ id: z.uuid(), objectionId: z.uuid() });

export const Objection = z.object({
  id: z.uuid(),
  kind: z.enum(OBJECTION_KINDS),
  residentId: z.uuid(),
  residentName: z.string(),
  idMasked: z.string(),
  filedBy: z.string(),
  reason: z.string(),
  filedOn: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  /** The statutory last day of the answer (the timeline's objectionsAnswered). */
  answerDue: z.string(),
  /** Open past the deadline, or answered after it. */
  late: z.boolean(),
});
export type Objection = z.infer<typeof Objection>;

// ------------------------------------------------------------------ a resident's own elections (the portal's 选举)

/** How a resident's own objection reads to them: about themselves, never about another person. */
export const OWN_OBJECTION_KIND_LABELS: Record<(typeof OBJECTION_KINDS)[number], { zh: string; en: string }> = {
  include: { zh: '我应列入而未列入选民名单', en: 'I am missing from the voter roll' },
  exclude: { zh: '我不应列入本选民名单（如已在别处登记）', en: 'I should not be on this roll (e.g. registered elsewhere)' },
};

/** A resident's own objection to the published roll of their community: about themselves, filed today. */
export const FileOwnObjectionRequest = z.object({
  /** include: "I am missing from the roll"; exclude: "I should not be on it". */
  kind: z.enum(OBJECTION_KINDS, { error: '异议类型应为 include 或 exclude | kind must be include or exclude' }),
  /** Why, in the resident's words. */
  reason: z.string().trim().min(2, '请填写异议理由 | give the reason').max(500, '异议理由不超过 500 字 | at most 500 characters'),
});
export type FileOwnObjectionRequest = z.infer<typeof FileOwnObjectionRequest>;

/** One objection the resident filed, with the answer once given. */
export const MyObjection = z.object({
  id: z.uuid(),
  kind: z.enum(OBJECTION_KINDS),
  reason: z.string(),
  filedOn: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  /** The statutory last day of the answer. */
  answerDue: z.string(),
});
export type MyObjection = z.infer<typeof MyObjection>;

/** An election of the resident's community as the resident sees it: only their own entry, never the roll. */
export const MyElection = z.object({
  id: z.uuid(),
  communityName: z.string(),
  /** 第几届. */
  term: z.number().int(),
  mode: z.string(),
  electionDate: z.string(),
  /** The objection window: from the roll's publication to the last day of objections. */
  objectionsOpen: z.string(),
  objectionsClose: z.string(),
  /** Whether the resident may file an objection today. */
  windowOpen: z.boolean(),
  /** Whether the resident is on the published roll. */
  onRoll: z.boolean(),
  /** The objections this account filed on this election, newest first. */
  objections: z.array(MyObjection),
});
export type MyElection = z.infer<typeof MyElection>;

/** The published rolls of the resident's community open to objections, and those the resident objected to. */
export const MyElections = z.object({
  /** The resident's own name and masked ID, as the roll lists them. */
  name: z.string(),
  idMasked: z.string(),
  items: z.array(MyElection),
});
export type MyElections = z.infer<typeof MyElections>;

// ------------------------------------------------------------------ recall (罢免)

export const RECALL_STATUSES = ['proposed', 'passed', 'failed', 'void'] as const;
export const RECALL_STATUS_LABELS: Record<(typeof RECALL_STATUSES)[number], { zh: string; en: string }> = {
  proposed: { zh: '已提议', en: 'Proposed' },
  passed: { zh: '罢免通过', en: 'Recalled' },
  failed: { zh: '罢免未通过', en: 'Not recalled' },
  void: { zh: '投票无效', en: 'Vote void' },
};

export const ProposeRecallRequest = z.object({
  /** The elected member (a candidate id of this election). */
  candidateId: z.uuid('请选择被罢免的成员 | choose the member'),
  /** Voters who signed the proposal. */
  proposerCount: count('联名人数'),
  reason: z.string().trim().min(2, '请填写罢免理由 | give the reason').max(500),
  proposedOn: day,
});
export type ProposeRecallRequest = z.infer<typeof ProposeRecallRequest>;

export const RecordRecallVoteRequest = z.object({
  voteDate: day,
  ballotsIssued: count('发出选票数'),
  ballotsReturned: count('收回选票数'),
  invalidBallots: count('无效票数'),
  votesFor: count('赞成票数'),
});
export type RecordRecallVoteRequest = z.infer<typeof RecordRecallVoteRequest>;

export const RecallParams = z.object({ id: z.uuid(), recallId: z.uuid() });

export const Recall = z.object({
  id: z.uuid(),
  candidateId: z.uuid(),
  memberName: z.string(),
  proposerCount: z.number().int(),
  registeredVoters: z.number().int(),
  /** Proposers the law asks for on this roll (≥ 1/5). */
  proposersNeeded: z.number().int(),
  reason: z.string(),
  proposedOn: z.string(),
  status: z.enum(RECALL_STATUSES),
  voteDate: z.string().nullable(),
  ballotsIssued: z.number().int().nullable(),
  ballotsReturned: z.number().int().nullable(),
  invalidBallots: z.number().int().nullable(),
  votesFor: z.number().int().nullable(),
  reasons: z.array(z.object({ code: z.enum(RECALL_REASON_CODES), zh: z.string(), en: z.string() })),
});
export type Recall = z.infer<typeof Recall>;

export const ElectionDetail = ElectionListItem.extend({
  withdrawnReason: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  objections: z.array(Objection),
  recalls: z.array(Recall),
  law: LawVersion,
  timeline: z.array(Deadline),
  householdRepCount: z.number().int(),
  /** Voters on the roll who are residents'-group representatives (居民小组代表): a group_reps election's roll. */
  groupRepCount: z.number().int(),
  candidates: z.array(Candidate),
  checks: z.array(CandidateCheck),
  conflicts: z.array(RelativeConflict),
  tallies: z.array(StationTally),
  results: z.array(RoundResult),
  /** elections.write covers the community: the roll, candidates, counts, objections and recalls (each still within its stage). */
  capabilities: EditCapabilities,
});
export type ElectionDetail = z.infer<typeof ElectionDetail>;

export const DeriveRollResponse = z.object({
  voterCount: z.number().int(),
  householdRepCount: z.number().int(),
  /** Residents'-group representatives (居民小组代表) on the roll. */
  groupRepCount: z.number().int(),
  /** Rows the derivation added and dropped compared with the roll before. */
  added: z.number().int(),
  removed: z.number().int(),
  /** Manual corrections kept across the derivation. */
  manualKept: z.number().int(),
  ms: z.number(),
});

/** The views of the voter list. */
export const VOTERS_VIEWS = ['all', 'reps', 'group_reps', 'excluded'] as const;
/** The rolls an export prints: all voters, household representatives, residents'-group representatives. */
export const VOTERS_EXPORT_VIEWS = ['all', 'reps', 'group_reps'] as const;

export const VotersQuery = z.object({
  q: z.string().trim().max(50).optional(),
  /**
   * `reps`: the household-representative roll; `group_reps`: the residents'-group representatives
   * (居民小组代表); `excluded`: corrections that removed a voter.
   */
  view: z.enum(VOTERS_VIEWS).default('all'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type VotersQuery = z.infer<typeof VotersQuery>;

export const Voter = z.object({
  residentId: z.uuid(),
  name: z.string(),
  /** First 6 and last 4 characters of the ID number. */
  idMasked: z.string(),
  sex: z.enum(['F', 'M']),
  address: z.string().nullable(),
  householdRep: z.boolean(),
  /** A residents'-group representative (居民小组代表) on election day. */
  groupRep: z.boolean(),
  /** derived (from the registry) | manual (added by hand) */
  source: z.enum(['derived', 'manual']),
  excluded: z.boolean(),
  reason: z.string().nullable(),
});
export const VotersPage = z.object({ items: z.array(Voter), total: z.number().int() });

const reason = z.string().trim().min(2, '请填写理由 | give a reason').max(200);

export const AddVoterRequest = z.object({ residentId: z.uuid(), reason });
export const RemoveVoterRequest = z.object({ residentId: z.uuid(), reason });

export const NominateRequest = z.object({
  residentId: z.uuid(),
  post: z.enum(POSTS),
  /** Voters who signed the nomination. */
  nominatorCount: z.number().int().min(0).max(100_000),
});

export const EnterTallyRequest = z.object({
  round: z.union([z.literal(1), z.literal(2)]).default(1),
  /** 投票站 name, e.g. 第一投票站 or 中心会场. */
  station: z.string().trim().min(1, '请填写投票站 | station is required').max(50),
  ballotsIssued: count('发出选票数'),
  ballotsReturned: count('收回选票数'),
  invalidBallots: count('无效票数'),
  /** Votes per candidate id (election_candidates.id). */
  votes: z.record(z.string(), count('得票数')),
});
export type EnterTallyRequest = z.infer<typeof EnterTallyRequest>;

export const ComputeResultRequest = z.object({ round: z.union([z.literal(1), z.literal(2)]).default(1) });

/** What the announcement (公告) prints. */
export const Announcement = z.object({
  communityName: z.string(),
  term: z.number().int(),
  electionDate: z.string(),
  registeredVoters: z.number().int(),
  ballotsReturned: z.number().int(),
  valid: z.boolean(),
  elected: z.array(z.object({ name: z.string(), sex: z.enum(['F', 'M']), post: z.enum(POSTS), votes: z.number().int() })),
  unfilledSeats: z.number().int(),
  handoverBy: z.string(),
  termEnds: z.string(),
  issuedOn: z.string(),
});
