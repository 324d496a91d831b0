/**
 * Tiny but valid files of each kind an enclosure may be (PDF, PNG, JPEG, DOCX, ODT), made in code so a
 * reader can see what they hold, and the hostile ones the upload must refuse. DOCX and ODT are zip
 * archives: `zip` writes one with stored (uncompressed) entries, enough for any reader.
 */
import { crc32, deflateSync } from 'node:zlib';

/** A one-page PDF saying `text`, with a correct cross-reference table. */
export function pdfFile(text = 'Note verbale'): Buffer {
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		null,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	const stream = `BT /F1 18 Tf 72 770 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
	objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, i) => {
		offsets.push(Buffer.byteLength(body));
		body += `${i + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = Buffer.byteLength(body);
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typed));
	return Buffer.concat([length, typed, crc]);
}

/** A 2 × 2 RGB PNG. */
export function pngFile(): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(2, 0);
	header.writeUInt32BE(2, 4);
	header[8] = 8; // bit depth
	header[9] = 2; // colour type: RGB
	// Each row: filter byte 0, then two pixels.
	const rows = Buffer.from([0, 200, 30, 30, 30, 200, 30, 0, 30, 30, 200, 240, 240, 240]);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', header),
		pngChunk('IDAT', deflateSync(rows)),
		pngChunk('IEND', Buffer.alloc(0))
	]);
}

/** A 1 × 1 grey baseline JPEG (JFIF), as a camera or scanner would write it, only smaller. */
export function jpegFile(): Buffer {
	return Buffer.from(
		'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////' +
			'////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
		'base64'
	);
}

/** A zip archive of stored entries, in the order given. */
export function zip(entries: [name: string, content: string | Buffer][]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, content] of entries) {
		const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
		const fileName = Buffer.from(name, 'utf8');
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4); // version needed
		local.writeUInt16LE(0x0800, 6); // names in UTF-8
		local.writeUInt16LE(0, 8); // stored
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(fileName.length, 26);
		locals.push(local, fileName, data);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(fileName.length, 28);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, fileName);
		offset += local.length + fileName.length + data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

/** A Word document (Office Open XML) with one paragraph. */
export function docxFile(text = 'Letter No 09/1502'): Buffer {
	return zip([
		[
			'[Content_Types].xml',
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
				'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
				'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
				'<Default Extension="xml" ContentType="application/xml"/>' +
				'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
				'</Types>'
		],
		[
			'_rels/.rels',
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
				'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
				'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
				'</Relationships>'
		],
		[
			'word/document.xml',
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
				'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
				`<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`
		]
	]);
}

/** An OpenDocument text with one paragraph; its `mimetype` entry comes first, as the standard wants. */
export function odtFile(text = 'Note verbale 0451/13/21/26'): Buffer {
	return zip([
		['mimetype', 'application/vnd.oasis.opendocument.text'],
		[
			'META-INF/manifest.xml',
			'<?xml version="1.0" encoding="UTF-8"?>' +
				'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">' +
				'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>' +
				'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
				'</manifest:manifest>'
		],
		[
			'content.xml',
			'<?xml version="1.0" encoding="UTF-8"?>' +
				'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
				'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
				`<office:body><office:text><text:p>${text}</text:p></office:text></office:body></office:document-content>`
		]
	]);
}

/** An HTML page, to be sent under a .pdf name: the type comes from the content, so it is refused. */
export function htmlPage(): Buffer {
	return Buffer.from(
		'<!doctype html><html><head><title>Invoice</title><script>alert(document.cookie)</script></head>' +
			'<body><p>Not a PDF.</p></body></html>\n',
		'utf8'
	);
}

/** A zip archive that is neither a Word nor an OpenDocument file. */
export function plainZip(): Buffer {
	return zip([['readme.txt', 'just a zip']]);
}
