import { beforeEach, describe, expect, it } from 'vitest';
import { departmentText, ticketKindText } from '$lib/components/ticket/text';
import { goalStateText, metricText } from '$lib/components/goal/text';
import { taskKindText, taskPriorityText } from '$lib/components/task/text';
import { channelText, feedbackKindText } from '$lib/components/feedback/text';
import { interactionErrorText, interactionTypeText } from '$lib/components/interaction/text';
import { i18n } from '$lib/i18n/i18n.svelte';
import {
	customerErrorText,
	kindText,
	sourceText,
	stageText,
	tierText
} from '$lib/components/customer/labels';

// Codes read from stored records or teammates' files are strings at run time: a code of a newer
// version, or of a damaged record, must show a fallback message, never a raw key.
describe('code texts', () => {
	beforeEach(() => i18n.setLocale('en'));

	it('translates each code of its set', () => {
		expect(tierText('A')).toBe('A');
		expect(stageText('churned')).toBe('Churned');
		expect(kindText('company')).toBe('Company');
		expect(sourceText('cold_call')).toBe('Cold call');
		expect(interactionTypeText('care')).toBe('Care greeting');
		expect(metricText('sales_amount')).toBe('Sales amount');
		expect(goalStateText('ended')).toBe('Ended');
		expect(taskKindText('follow_up')).toBe('Follow-up');
		expect(ticketKindText('repair')).toBe('Repair');
		expect(departmentText('after_sales')).toBe('After-sales');
		expect(channelText('survey')).toBe('Survey');
		expect(feedbackKindText('nps')).toBe('Net Promoter Score (NPS)');
	});

	it('gives an empty code the "none" message where the field may be empty', () => {
		expect(tierText('')).toBe('None');
		expect(sourceText('')).toBe('Unknown');
		expect(departmentText('')).toBe('No department');
	});

	it('shows a fallback for a code outside its set, never a raw key', () => {
		expect(tierText('D')).toBe('None');
		expect(stageText('archived')).toBe('—');
		expect(kindText('robot')).toBe('—');
		expect(sourceText('fax')).toBe('Unknown');
		expect(interactionTypeText('fax')).toBe('Other');
		expect(metricText('profit')).toBe('This value is not valid.');
		expect(taskPriorityText('critical')).toBe('Normal');
		expect(taskKindText('chore')).toBe('To-do');
		expect(channelText('pigeon')).toBe('Other');
		// A name that every object inherits is not a code either.
		expect(stageText('constructor')).toBe('—');
	});

	it('gives an unknown validation code the record’s generic message', () => {
		expect(customerErrorText('name_required')).toBe('Enter a name.');
		expect(customerErrorText('no_such_code')).toBe('This value is not valid.');
		expect(interactionErrorText('no_such_code')).toBe('This value is not valid.');
	});
});
