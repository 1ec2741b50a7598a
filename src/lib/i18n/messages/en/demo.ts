/** Marks on demo records wherever they are shown. */
export default {
	badge: 'Demo',
	badge_title: 'Demo record: removed with “Remove demo data” in Settings'
};
