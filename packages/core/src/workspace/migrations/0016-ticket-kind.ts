import { addField } from './migration.ts';

/** Whether a ticket is a complaint, a service request or an inquiry: complaints per 1,000 counts complaints only. */
export default addField('ticket-kind', 'tickets', 'kind');
