/**
 * Files for a batch from what the browser offers: a folder chosen with the File System Access
 * picker (Chromium) and its sub-folders, or the items of a drop (files, and folders walked with
 * the entries API). In a folder only `.rapport` files count; files chosen one by one all count,
 * so a wrong one is named in the preview rather than silently left out.
 */
export const isSnapshotName = (name: string): boolean => name.toLowerCase().endsWith('.rapport');

interface DirHandle {
	kind: 'directory';
	name: string;
	values(): AsyncIterable<DirHandle | FileHandle>;
}
interface FileHandle {
	kind: 'file';
	name: string;
	getFile(): Promise<File>;
}
type DirPicker = (opts?: { mode?: 'read' }) => Promise<DirHandle>;

/** Whether the browser has a folder picker (else the input with `webkitdirectory` is used). */
export function hasFolderPicker(): boolean {
	return typeof window !== 'undefined' && 'showDirectoryPicker' in window;
}

async function walkHandle(dir: DirHandle, out: File[]): Promise<void> {
	for await (const h of dir.values()) {
		if (h.kind === 'directory') await walkHandle(h, out);
		else if (isSnapshotName(h.name)) out.push(await h.getFile());
	}
}

/** The `.rapport` files of a folder the user picks; null when the picker was closed. */
export async function pickFolder(): Promise<File[] | null> {
	const pick = (window as unknown as { showDirectoryPicker: DirPicker }).showDirectoryPicker;
	let dir: DirHandle;
	try {
		dir = await pick({ mode: 'read' });
	} catch (e) {
		if (e instanceof DOMException && e.name === 'AbortError') return null;
		throw e;
	}
	const out: File[] = [];
	await walkHandle(dir, out);
	return out;
}

const fileOf = (e: FileSystemFileEntry) =>
	new Promise<File>((resolve, reject) => e.file(resolve, reject));

/** Every batch of a directory reader, until it reports none (the API hands them out in parts). */
async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
	const reader = dir.createReader();
	const all: FileSystemEntry[] = [];
	for (;;) {
		const part = await new Promise<FileSystemEntry[]>((resolve, reject) =>
			reader.readEntries(resolve, reject)
		);
		if (part.length === 0) return all;
		all.push(...part);
	}
}

async function walkEntry(e: FileSystemEntry, top: boolean, out: File[]): Promise<void> {
	if (e.isFile) {
		// A file dropped itself counts; inside a dropped folder only snapshots do.
		if (top || isSnapshotName(e.name)) out.push(await fileOf(e as FileSystemFileEntry));
	} else if (e.isDirectory)
		for (const child of await entriesOf(e as FileSystemDirectoryEntry))
			await walkEntry(child, false, out);
}

/** The files of a drop, folders walked; the plain file list where entries are not offered. */
export async function droppedFiles(dt: DataTransfer): Promise<File[]> {
	const entries = [...dt.items]
		.map((i) => (i.kind === 'file' ? i.webkitGetAsEntry() : null))
		.filter((e): e is FileSystemEntry => e !== null);
	if (entries.length === 0) return [...dt.files];
	const out: File[] = [];
	for (const e of entries) await walkEntry(e, true, out);
	return out;
}
