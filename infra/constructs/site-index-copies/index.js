// CloudFront China has no CloudFront Functions to map /items/x/ to /items/x/index.html, and the bucket is
// private (no S3 website endpoint). So after each deployment this custom resource copies every
// `<dir>/index.html` to the key `<dir>/`, deletes copies whose page is gone, and invalidates the
// distribution. A copy whose ETag (the MD5 of its bytes: single-part objects, SSE-S3) still matches its
// page's is left alone, so a one-item deployment copies about one page, not ~120,000; copies run 64 at a
// time. Plain JavaScript for the Lambda Node.js runtime; the AWS SDK v3 comes with the runtime.
const INDEX = 'index.html';
const CONCURRENCY = 64;

async function listObjects(s3, bucket, { ListObjectsV2Command }) {
  const objects = new Map();
  let token;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const o of page.Contents ?? []) objects.set(o.Key, o.ETag);
    token = page.NextContinuationToken;
  } while (token);
  return objects;
}

/** Run `task` over `items`, `limit` at a time. */
async function eachLimited(items, limit, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The copies to make (`dir/` → `dir/index.html`) and the stale ones to delete, from a listing of key → ETag. */
function plan(objects) {
  const wanted = new Map();
  for (const key of objects.keys()) if (key.endsWith(`/${INDEX}`)) wanted.set(key.slice(0, -INDEX.length), key);
  const copy = [...wanted].filter(([target, source]) => objects.get(target) !== objects.get(source));
  const stale = [...objects.keys()].filter((k) => k.endsWith('/') && !wanted.has(k));
  return { wanted, copy, stale };
}

exports.plan = plan;

exports.handler = async (event) => {
  if (event.RequestType === 'Delete') return {};
  const sdk = require('@aws-sdk/client-s3');
  const { S3Client, CopyObjectCommand, DeleteObjectsCommand } = sdk;
  const { CloudFrontClient, CreateInvalidationCommand } = require('@aws-sdk/client-cloudfront');
  const { BucketName: bucket, CacheControl: cacheControl, DistributionId: distributionId } = event.ResourceProperties;
  const s3 = new S3Client({});
  const { wanted, copy, stale } = plan(await listObjects(s3, bucket, sdk));
  await eachLimited(copy, CONCURRENCY, ([target, source]) =>
    s3.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: target,
        CopySource: `${bucket}/${source.split('/').map(encodeURIComponent).join('/')}`,
        MetadataDirective: 'REPLACE',
        ContentType: 'text/html; charset=utf-8',
        CacheControl: cacheControl,
      }),
    ),
  );
  for (let i = 0; i < stale.length; i += 1000) {
    await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: stale.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true } }));
  }
  await new CloudFrontClient({}).send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: { CallerReference: `${event.RequestId}`, Paths: { Quantity: 1, Items: ['/*'] } },
    }),
  );
  return { Data: { Pages: String(wanted.size), Copied: String(copy.length), Removed: String(stale.length) } };
};
