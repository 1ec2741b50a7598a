/**
 * Sales contests: the lead's contests and the standings they publish, as the lead's page, the
 * dashboard and a manager's Home show them. Keys built from domain codes: `metric_${metric}`
 * (pay/contests.ts CONTEST_METRICS), `error_${code}` (pay/contests.ts, repos/contests.ts).
 */
export default {
	title: 'Contests',
	intro:
		'A contest ranks the team on one figure over a period. Publishing its standings sends ranks and values, and nothing else of anyone’s work, to every member with the next files.',
	none: 'No contest yet.',
	new: 'New contest',
	field_title: 'Contest',
	field_metric: 'Ranked by',
	field_currency: 'Currency counted',
	field_first_day: 'First day',
	field_last_day: 'Last day',
	field_prize: 'Prize',
	field_prize_hint: 'What the winner gets, such as “a day off” or “¥2,000 bonus”.',
	save: 'Save the contest',
	saved: 'Contest saved.',
	publish: 'Publish the standings',
	publish_again: 'Publish the standings again',
	published: 'Standings published.',
	published_on: 'Standings as published on {date}',
	not_published: 'Standings not published yet.',
	period: '{first} to {last}',
	prize: 'Prize: {prize}',
	rank: 'Rank',
	member: 'Member',
	value: 'Value',
	running: 'Contests',
	running_none: 'No contest is running.',
	metric_sales_amount: 'Sales amount',
	metric_deals_won: 'Deals won',
	metric_new_customers: 'New customers',
	metric_visits: 'Visits',
	metric_interactions: 'Contacts logged',
	error_title_required: 'Name the contest.',
	error_metric_invalid: 'Choose what the contest ranks by.',
	error_currency_required: 'Choose the currency the sales are counted in.',
	error_period_invalid: 'Enter a first and a last day, the last on or after the first.',
	error_prize_required: 'Say what the prize is.',
	error_prize_amount_invalid: 'Enter a prize amount above zero.',
	error_contest_not_found: 'This contest no longer exists.'
};
