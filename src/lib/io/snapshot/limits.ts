import { MAX_LINE_BYTES } from './entry';

/**
 * What a file can make the reader do. A snapshot comes from another device, maybe from someone
 * who means harm: a few megabytes of gzip can unpack to gigabytes, and a header can claim any
 * number of records. The reader refuses a file as soon as it crosses one of these caps, before
 * the work or the staging grows with it (docs/SNAPSHOT.md, "Limits").
 *
 * The yardstick is a full team file: 100,000 customers with their contacts, tasks and 1,000,000
 * interactions. Made by the demo generator, its body is about 1.2 million lines and 600 MB of
 * JSON (lines of 400 to 650 bytes), gzipped at about 9 to 1 (limits.test.ts measures it again).
 * Every cap leaves several times that room for data that is edited more, or holds longer texts.
 */

/** Uncompressed body: about 7 times the full team file (4 GiB). */
export const MAX_BODY_BYTES = 4 * 1024 ** 3;

/** Body lines (records and tombstones) of all tables: about 4 times the full team file. */
export const MAX_RECORDS = 5_000_000;

/**
 * Uncompressed bytes per compressed byte read so far. A body of records compresses at about 9 to
 * 1 (random ids and stamps do not compress); a gzip bomb gets close to deflate's limit of 1032 to
 * 1. Checked as the body inflates, so a bomb is refused after a few dozen megabytes, not after
 * gigabytes.
 */
export const MAX_EXPANSION = 100;

/**
 * Bytes that may inflate before MAX_EXPANSION applies: one line of the largest size the format
 * allows, so a small file with a long, repetitive text is never refused for its ratio alone.
 */
export const EXPANSION_SLACK = MAX_LINE_BYTES;

export interface SnapshotLimits {
	maxBodyBytes: number;
	maxRecords: number;
	maxExpansion: number;
	expansionSlack: number;
}

/** The caps the app reads with; tests pass smaller ones to cross them with small files. */
export const SNAPSHOT_LIMITS: Readonly<SnapshotLimits> = {
	maxBodyBytes: MAX_BODY_BYTES,
	maxRecords: MAX_RECORDS,
	maxExpansion: MAX_EXPANSION,
	expansionSlack: EXPANSION_SLACK
};

/**
 * Records of kinds this version does not know are kept aside, each kind whole in one settings
 * entry that is read and written in one piece (db/repos/snapshot-aside.ts). Per kind, at most
 * this many bytes of JSON: room for a kind a newer version adds with one record per customer
 * (100,000 records of 500 bytes are 50 MB), never so much that one entry strains memory.
 */
export const MAX_ASIDE_TABLE_BYTES = 64 * 1024 ** 2;
