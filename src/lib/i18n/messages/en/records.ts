/**
 * The kinds of records, one name each wherever they are listed or named: the Trash's groups, a
 * snapshot's preview and conflicts, the records Undo keeps. Keys are synced tables: `${table}`
 * names the kind (a group, a column), `${table}_one` one record of it.
 */
export default {
	members: 'Team members',
	members_one: 'Team member',
	customers: 'Customers',
	customers_one: 'Customer',
	contacts: 'Contact people',
	contacts_one: 'Contact person',
	interactions: 'Interactions',
	interactions_one: 'Interaction',
	tasks: 'Tasks',
	tasks_one: 'Task',
	deals: 'Deals',
	deals_one: 'Deal',
	orders: 'Orders',
	orders_one: 'Order',
	tickets: 'Tickets',
	tickets_one: 'Ticket',
	feedback: 'Feedback',
	feedback_one: 'Feedback',
	goals: 'Goals',
	goals_one: 'Goal',
	reviews: 'Reviews',
	reviews_one: 'Review',
	levels: 'Levels',
	levels_one: 'Level',
	memberFacts: 'Levels, reporting lines and statuses of members',
	memberFacts_one: 'Level, reporting line or status of a member',
	periodCloses: 'Closed periods',
	periodCloses_one: 'Closed period',
	teamSettings: 'Team settings',
	teamSettings_one: 'Team setting',
	// A kind this version does not know (written by a newer one)
	unknown_one: 'Record'
};
