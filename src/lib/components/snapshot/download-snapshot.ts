import { downloadFile } from '$lib/components/ui/download';

/** Collects an export's chunks (compressed bytes) and offers them as a download. */
export async function downloadChunks(
	name: string,
	chunks: AsyncIterable<Uint8Array>
): Promise<void> {
	const parts: Uint8Array[] = [];
	for await (const c of chunks) parts.push(c);
	downloadFile(name, parts, 'application/octet-stream');
}

/**
 * Streams an export into a file in a folder the user picked (File System Access API, Chromium):
 * the chunks go to a swap file that replaces the file only when closed. A failure aborts the
 * write, so no half file is left, and removes the file if this write created it (an earlier
 * backup of the same name stays as it was).
 */
export async function writeChunks(
	dir: FileSystemDirectoryHandle,
	name: string,
	chunks: AsyncIterable<Uint8Array>
): Promise<void> {
	const existed = await dir.getFileHandle(name).then(
		() => true,
		() => false
	);
	const file = await dir.getFileHandle(name, { create: true });
	const out = await file.createWritable();
	try {
		for await (const c of chunks) await out.write(c as BufferSource);
		await out.close();
	} catch (e) {
		await out.abort().catch(() => undefined);
		if (!existed) await dir.removeEntry(name).catch(() => undefined);
		throw e;
	}
}
