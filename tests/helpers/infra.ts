/**
 * Synthesize the CDK app the way infra/app.ts does (same buildApp, same cdk-nag plugin), against the small
 * fixture site instead of dist/, and hand back the templates. One synth per variant per test file.
 */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, type BuiltApp } from '../../infra/build-app.ts';
import { readConfig, type ContextKey, type DeploymentConfig } from '../../infra/config.ts';
import { TABLES, type TableKey } from '../../functions/store/tables.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURE_SITE = path.join(ROOT, 'tests/fixtures/infra-site');

const OIDC_REALM = 'https://id.ducha.example.cn/realms/ducha';
/** The staff sign-in of the China synth: an OpenID Connect provider's endpoints (Keycloak's paths). */
export const CHINA_OIDC = {
  authIssuer: OIDC_REALM,
  authClientId: 'ducha-staff-console',
  authAuthorizeUrl: `${OIDC_REALM}/protocol/openid-connect/auth`,
  authTokenUrl: `${OIDC_REALM}/protocol/openid-connect/token`,
  authJwksUrl: `${OIDC_REALM}/protocol/openid-connect/certs`,
  authLogoutUrl: `${OIDC_REALM}/protocol/openid-connect/logout`,
} as const satisfies Partial<Record<ContextKey, string>>;

/** The two deployments every property is checked on. */
export const VARIANTS = {
  global: { region: 'us-east-1' },
  china: {
    region: 'cn-northwest-1',
    domain: 'ducha.example.cn',
    iamCertificateId: 'ASCAEXAMPLE7CERTIFICATE1',
    // China has no Cognito user pools: an OIDC provider of the operator's (a Keycloak realm here).
    ...CHINA_OIDC,
  },
} as const satisfies Record<string, Partial<Record<ContextKey, string>>>;
export type VariantName = keyof typeof VARIANTS;
export const VARIANT_NAMES = Object.keys(VARIANTS) as VariantName[];

export interface Synth {
  readonly config: DeploymentConfig;
  readonly built: BuiltApp;
  readonly template: Template;
  /** The main stack's template as JSON. */
  readonly json: Record<string, any>;
  /** What cdk-nag and the CloudFormation validator reported (policy-validation-report.json), if anything. */
  readonly validationReport: unknown;
}

/**
 * Run `build` without CDK's "Bundling asset …" notes: aws-cdk-lib writes one to stderr for every function it
 * bundles, whatever the log level, and the tests synthesize dozens. Everything else still gets through.
 */
function withoutBundlingNotes<T>(build: () => T): T {
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    String(chunk).startsWith('Bundling asset ') ? true : write(chunk, ...rest)) as typeof process.stderr.write;
  try {
    return build();
  } finally {
    process.stderr.write = write;
  }
}

export function synth(context: Partial<Record<ContextKey, string>>): Synth {
  const config = readConfig({ sitePath: FIXTURE_SITE, ...context }, ROOT);
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'ducha-cdk-'));
  const app = new App({ outdir });
  const built = withoutBundlingNotes(() => buildApp(app, config));
  // Throws with the whole report when cdk-nag (or any validation plugin) finds an unacknowledged violation.
  const assembly = withoutBundlingNotes(() => app.synth());
  const reportFile = path.join(assembly.directory, 'policy-validation-report.json');
  const template = Template.fromStack(built.main);
  return {
    config,
    built,
    template,
    json: template.toJSON(),
    validationReport: existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : undefined,
  };
}

export type Resources = Record<string, { Type: string; Properties?: any; Metadata?: any; DeletionPolicy?: string; UpdateReplacePolicy?: string }>;

export function resourcesOfType(json: Record<string, any>, type: string): Resources {
  return Object.fromEntries(Object.entries(json.Resources as Resources).filter(([, r]) => r.Type === type));
}

/** The logical id of each table, found through the DUCHA_TABLE_* variable the functions get (tables.ts). */
export function tableLogicalIds(json: Record<string, any>): Record<TableKey, string> {
  const ids: Partial<Record<TableKey, string>> = {};
  for (const fn of Object.values(resourcesOfType(json, 'AWS::Lambda::Function'))) {
    const vars = fn.Properties?.Environment?.Variables ?? {};
    for (const name of Object.keys(TABLES) as TableKey[]) {
      const ref = vars[TABLES[name].envVar]?.Ref;
      if (ref) ids[name] = ref;
    }
  }
  return ids as Record<TableKey, string>;
}

/** Every string and intrinsic inside a value, flattened, to see which resources a statement touches. */
export function referencedIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'Ref' && typeof x === 'string') ids.add(x);
        else if (k === 'Fn::GetAtt' && Array.isArray(x)) ids.add(String(x[0]));
        else walk(x);
      }
    }
  };
  walk(value);
  return ids;
}

export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Sid?: string;
}

export const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** The IAM statements of the role a function runs as (its inline and attached policies in the template). */
export function statementsOfFunction(json: Record<string, any>, functionLogicalId: string): Statement[] {
  const fn = json.Resources[functionLogicalId];
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const statements: Statement[] = [];
  for (const policy of Object.values(resourcesOfType(json, 'AWS::IAM::Policy'))) {
    if ((policy.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId)) statements.push(...policy.Properties.PolicyDocument.Statement);
  }
  for (const inline of json.Resources[roleId].Properties.Policies ?? []) statements.push(...inline.PolicyDocument.Statement);
  return statements;
}

/** The logical id of the function whose POWERTOOLS_SERVICE_NAME is `service`. */
export function functionByService(json: Record<string, any>, service: string): string {
  const hit = Object.entries(resourcesOfType(json, 'AWS::Lambda::Function')).find(([, r]) => r.Properties?.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service);
  if (!hit) throw new Error(`no function with POWERTOOLS_SERVICE_NAME=${service}`);
  return hit[0];
}

/**
 * A template string value as text: literals kept, `{Ref: X}` written `<X>`, `{Fn::GetAtt: [X, A]}` written
 * `<X.A>`, `Fn::Join` joined. For values built from deploy-time parts (URLs, JSON with ids in it).
 */
export function renderString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, any>;
    if (typeof v.Ref === 'string') return `<${v.Ref}>`;
    if (Array.isArray(v['Fn::GetAtt'])) return `<${v['Fn::GetAtt'].join('.')}>`;
    if (Array.isArray(v['Fn::Join'])) return (v['Fn::Join'][1] as unknown[]).map(renderString).join(v['Fn::Join'][0]);
  }
  throw new Error(`not a string value: ${JSON.stringify(value)}`);
}
