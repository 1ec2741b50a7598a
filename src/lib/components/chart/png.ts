/**
 * A chart canvas as a PNG file: drawn over white (the canvas itself is transparent, which most
 * image viewers show as black) at the canvas's full pixel size.
 */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob | null> {
	const out = document.createElement('canvas');
	out.width = canvas.width;
	out.height = canvas.height;
	const ctx = out.getContext('2d');
	if (!ctx) return Promise.resolve(null);
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, out.width, out.height);
	ctx.drawImage(canvas, 0, 0);
	return new Promise((done) => out.toBlob(done, 'image/png'));
}
