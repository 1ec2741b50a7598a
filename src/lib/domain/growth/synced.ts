import type { Synced } from '../../sync/stamp';
import type { Course, TrainingPlan, TrainingRecord } from './training';

/**
 * The training records as stored and carried in snapshots: the rules' shapes with their write
 * stamps (sync/stamp.ts). The rules take these as they are.
 */
export interface StoredCourse extends Course, Synced {}
export interface StoredTrainingRecord extends TrainingRecord, Synced {}
export interface StoredTrainingPlan extends TrainingPlan, Synced {}
