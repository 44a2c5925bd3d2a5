// CloudFront China has no CloudFront Functions to map /items/x/ to /items/x/index.html, and the bucket is
// private (no S3 website endpoint). So after each deployment this custom resource copies every
// `<dir>/index.html` to the key `<dir>/`, deletes copies whose page is gone, and invalidates the
// distribution. Plain JavaScript for the Lambda Node.js runtime; the AWS SDK v3 comes with the runtime.
const { S3Client, ListObjectsV2Command, CopyObjectCommand, DeleteObjectsCommand } = require('@aws-sdk/client-s3');
const { CloudFrontClient, CreateInvalidationCommand } = require('@aws-sdk/client-cloudfront');

const INDEX = 'index.html';

async function listKeys(s3, bucket) {
  const keys = [];
  let token;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const o of page.Contents ?? []) keys.push(o.Key);
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}

exports.handler = async (event) => {
  if (event.RequestType === 'Delete') return {};
  const { BucketName: bucket, CacheControl: cacheControl, DistributionId: distributionId } = event.ResourceProperties;
  const s3 = new S3Client({});
  const keys = await listKeys(s3, bucket);
  // 'items/x/index.html' → 'items/x/' (the root index is the distribution's default root object).
  const wanted = new Map(keys.filter((k) => k.endsWith(`/${INDEX}`)).map((k) => [k.slice(0, -INDEX.length), k]));
  for (const [target, source] of wanted) {
    await s3.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: target,
        CopySource: `${bucket}/${source.split('/').map(encodeURIComponent).join('/')}`,
        MetadataDirective: 'REPLACE',
        ContentType: 'text/html; charset=utf-8',
        CacheControl: cacheControl,
      }),
    );
  }
  const stale = keys.filter((k) => k.endsWith('/') && !wanted.has(k));
  for (let i = 0; i < stale.length; i += 1000) {
    await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: stale.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true } }));
  }
  await new CloudFrontClient({}).send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: { CallerReference: `${event.RequestId}`, Paths: { Quantity: 1, Items: ['/*'] } },
    }),
  );
  return { Data: { Copies: String(wanted.size), Removed: String(stale.length) } };
};
