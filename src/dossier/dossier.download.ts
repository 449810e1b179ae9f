import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { DossierFile } from './dossier.types';

/**
 * A stored paper sent as it is read from the store (disk or bucket): its type as checked at upload
 * (never what the name says), its length known in advance (the browser shows the download's
 * progress), its name in UTF-8 for the save dialog, and never kept by a shared cache.
 */
export function sendStored(reply: FastifyReply, f: Pick<DossierFile, 'mime' | 'name' | 'size'>, stream: Readable, disposition: 'inline' | 'attachment'): FastifyReply {
  return reply
    .type(f.mime)
    .header('content-length', String(f.size))
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(f.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(stream);
}
