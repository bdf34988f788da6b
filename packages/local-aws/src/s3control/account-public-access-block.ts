import { ServiceError } from '../errors/service-error.js';
import { type HandlerResult, xmlResult } from '../http/handler-types.js';
import { parsePublicAccessBlock, publicAccessBlockXml } from '../s3/public-access-block.js';
import { readBodyText } from '../xml/xml-reader.js';
import { elAttrs, renderXml } from '../xml/xml-writer.js';
import { jobShapeModel } from './model/shape-model.js';
import type { S3ControlContext } from './s3control-context.js';

// The account's Block Public Access settings (S3 Control Put/Get/DeletePublicAccessBlock,
// decision 0032): every bucket of the account holds each setting either level sets.

function store(ctx: S3ControlContext) {
  if (!ctx.publicAccessBlocks) throw new ServiceError(501, 'NotImplemented', 'No public access block store.');
  return ctx.publicAccessBlocks;
}

export async function putAccountPublicAccessBlock(ctx: S3ControlContext): Promise<HandlerResult> {
  store(ctx).set(ctx.accountId, parsePublicAccessBlock(await readBodyText(ctx.body)));
  return { status: 200 };
}

export function getAccountPublicAccessBlock(ctx: S3ControlContext): HandlerResult {
  const pab = store(ctx).get(ctx.accountId);
  if (!pab)
    throw new ServiceError(
      404,
      'NoSuchPublicAccessBlockConfiguration',
      'The public access block configuration was not found',
    );
  return xmlResult(
    renderXml(
      elAttrs(
        'PublicAccessBlockConfiguration',
        { xmlns: jobShapeModel.xmlNamespace },
        ...publicAccessBlockXml(pab),
      ),
    ),
  );
}

export function deleteAccountPublicAccessBlock(ctx: S3ControlContext): HandlerResult {
  store(ctx).set(ctx.accountId, undefined);
  return { status: 200 };
}
