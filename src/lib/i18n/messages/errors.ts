import { defineMessages } from '../define';

export const errorsMessages = defineMessages({
	en: {},
	zh: {}
});
