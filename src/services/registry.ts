/**
 * The services of one decision, each over its store, the access rules and the decision's unit of
 * work. Built lazily: an event that needs no service builds none.
 */
import { uuidv7 } from '../storage/ids.js';
import { databaseAccess, type Access } from './access.js';
import type { Reader } from './db.js';
import { obstacleStore } from './obstacle-store.js';
import { CheckinService } from './checkin-service.js';
import { checkinStore } from './checkin-store.js';
import { FeedbackService } from './feedback-service.js';
import { feedbackStore } from './feedback-store.js';
import { LeaveService } from './leave-service.js';
import { leaveStore } from './leave-store.js';
import { ObstacleService } from './obstacles.js';
import { ProgressService } from './progress-service.js';
import { progressStore } from './progress-store.js';
import { PlanService } from './plan-service.js';
import { planStore } from './plan-store.js';
import { SkpService } from './skp-service.js';
import { skpStore } from './skp-store.js';
import type { UnitOfWork } from './work.js';
import { EvaluationService } from './evaluation-service.js';
import { databaseReachability, evaluationStore } from './evaluation-store.js';
import { UnitPredikatService } from './unit-predikat-service.js';
import { PenetapanService } from './penetapan-service.js';
import { penetapanStore } from './penetapan-store.js';
import { unitPredikatStore } from './unit-predikat-store.js';
import { ObjectionService } from './objection-service.js';
import { objectionStore } from './objection-store.js';
import { FollowUpService } from './follow-up-service.js';
import { followUpStore } from './follow-up-store.js';
import { DevelopmentService } from './development-service.js';
import { developmentStore } from './development-store.js';
import { CreditPointService } from './credit-points-service.js';
import { creditPointStore } from './credit-points-store.js';
import { ChatSettingsService } from './chat-settings.js';
import { ActingService } from './acting-service.js';
import { actingStore } from './acting-store.js';
import { saveSchedule } from '../checkins/schedule-admin.js';
import { savePeriodSettings, type PeriodSettings } from './period-settings.js';

export interface Services {
  obstacles: ObstacleService;
  plans: PlanService;
  /** The employee's own SKP and its penetapan (by the PPK, or recorded by HR for an official outside the bot). */
  skp: SkpService;
  feedback: FeedbackService;
  leave: LeaveService;
  checkins: CheckinService;
  progress: ProgressService;
  evaluations: EvaluationService;
  unitPredikats: UnitPredikatService;
  /** The organisation leader's penetapan of the distribution of predikat (SE MenPANRB 3/2023). */
  penetapan: PenetapanService;
  objections: ObjectionService;
  followUps: FollowUpService;
  development: DevelopmentService;
  creditPoints: CreditPointService;
  /** HR's settings: the agency's evaluation periods and units' check-in schedules (audited writes). */
  settings: SettingsService;
  /** A person's language and the chats HR's digest goes to. */
  chatSettings: ChatSettingsService;
  /** Plt/Plh assignments, recorded and ended by HR. */
  acting: ActingService;
}

/** HR's settings writes; the rules of what is valid live with the flows' parsers and schedule-admin. */
export interface SettingsService {
  savePeriods(agencyId: string, data: Partial<PeriodSettings>, actor: { actorId?: string; actorLabel?: string }): ReturnType<typeof savePeriodSettings>;
  saveSchedule(change: Parameters<typeof saveSchedule>[2]): Promise<void>;
}

/** The services for a decision reading from `db` into `work`. */
export function servicesFor(db: Reader, work: UnitOfWork): Services {
  let access: Access | undefined;
  const common = () => ({ access: (access ??= databaseAccess(db, work.now)), work, newId: () => uuidv7(work.now.getTime()) });
  const built: Partial<Services> = {};
  return {
    get obstacles() {
      return (built.obstacles ??= new ObstacleService({ ...common(), obstacles: obstacleStore(db, work) }));
    },
    get feedback() {
      return (built.feedback ??= new FeedbackService({ ...common(), feedback: feedbackStore(db, work) }));
    },
    get checkins() {
      return (built.checkins ??= new CheckinService({ work, obstacles: this.obstacles, checkins: checkinStore(db, work) }));
    },
    get progress() {
      return (built.progress ??= new ProgressService({ ...common(), progress: progressStore(db, work) }));
    },
    get leave() {
      return (built.leave ??= new LeaveService({ ...common(), leaves: leaveStore(db, work) }));
    },
    get plans() {
      return (built.plans ??= new PlanService({ ...common(), plans: planStore(db, work) }));
    },
    get skp() {
      return (built.skp ??= new SkpService({ ...common(), skp: skpStore(db, work) }));
    },
    get evaluations() {
      return (built.evaluations ??= new EvaluationService({ ...common(), evaluations: evaluationStore(db, work), reach: databaseReachability(db) }));
    },
    get unitPredikats() {
      return (built.unitPredikats ??= new UnitPredikatService({ work, newId: () => uuidv7(work.now.getTime()), unitPredikats: unitPredikatStore(db, work) }));
    },
    get penetapan() {
      return (built.penetapan ??= new PenetapanService({
        ...common(),
        penetapan: penetapanStore(db, work),
        evaluations: evaluationStore(db, work),
        reach: databaseReachability(db),
      }));
    },
    get objections() {
      return (built.objections ??= new ObjectionService({ ...common(), objections: objectionStore(db, work) }));
    },
    get followUps() {
      return (built.followUps ??= new FollowUpService({ ...common(), followUps: followUpStore(db, work) }));
    },
    get development() {
      return (built.development ??= new DevelopmentService({ ...common(), sessions: developmentStore(db, work) }));
    },
    get creditPoints() {
      return (built.creditPoints ??= new CreditPointService({ ...common(), pak: creditPointStore(db, work) }));
    },
    get chatSettings() {
      return (built.chatSettings ??= new ChatSettingsService({ db, work }));
    },
    get acting() {
      return (built.acting ??= new ActingService({ work, newId: () => uuidv7(work.now.getTime()), acting: actingStore(db, work) }));
    },
    get settings() {
      return (built.settings ??= {
        savePeriods: (agencyId, data, actor) => savePeriodSettings(db, work, agencyId, data, actor),
        saveSchedule: (change) => saveSchedule(db, work, change),
      });
    },
  };
}
