/** pg-boss's tables live in voc's own database, in a schema of their own (as care's and traffic's). */
export const VOC_JOBS_SCHEMA = 'voc_jobs';
