import { defineModule } from '../module';
import { jobSchedules, jobs } from './jobs.table';

/** Durable background jobs and schedules (no routes yet). */
export const jobsModule = defineModule({ name: 'jobs', tables: [jobs, jobSchedules] });
