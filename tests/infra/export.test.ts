/**
 * The scheduled ledger export's machine credential: in the global synth a Cognito app client with the
 * client-credentials grant and one scope, which allows only exports; in China the OIDC provider's client,
 * named in the context. The authorizer and the staff function accept that client's tokens, nothing more.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_SCOPE } from '../../infra/config.ts';
import { STAFF_FUNCTION } from '../../infra/constructs/api-functions.ts';
import { functionByService, resourcesOfType, synth, VARIANTS, type Synth } from '../helpers/infra.ts';

const staffEnv = (s: Synth) => s.json.Resources[functionByService(s.json, STAFF_FUNCTION.serviceName)].Properties.Environment.Variables;
const audience = (s: Synth) => Object.values(resourcesOfType(s.json, 'AWS::ApiGatewayV2::Authorizer'))[0]!.Properties.JwtConfiguration.Audience;

describe('the export credential with the Cognito user pool (global)', () => {
  let s: Synth;
  let clientId: string;
  let client: any;
  beforeAll(() => {
    s = synth(VARIANTS.global);
    [clientId, client] = Object.entries(resourcesOfType(s.json, 'AWS::Cognito::UserPoolClient')).find(([, c]) => c.Properties.ClientName === 'ducha-ledger-export')!;
  });

  it('is a confidential client with the client-credentials grant only', () => {
    expect(client.Properties).toMatchObject({ GenerateSecret: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthFlowsUserPoolClient: true });
  });

  it('has exactly one scope, the export scope of the API resource server', () => {
    const [server, scope] = EXPORT_SCOPE.split('/');
    const resourceServer = Object.values(resourcesOfType(s.json, 'AWS::Cognito::UserPoolResourceServer'))[0]!;
    expect(resourceServer.Properties).toMatchObject({ Identifier: server, Scopes: [expect.objectContaining({ ScopeName: scope })] });
    expect(JSON.stringify(client.Properties.AllowedOAuthScopes)).toContain(`/${scope}`);
    expect(client.Properties.AllowedOAuthScopes).toHaveLength(1);
  });

  it('is accepted by the authorizer and named to the staff function with its scope', () => {
    expect(audience(s)).toContainEqual({ Ref: clientId });
    expect(staffEnv(s)).toMatchObject({ DUCHA_MACHINE_SCOPE: EXPORT_SCOPE, DUCHA_MACHINE_CLIENTS: { Ref: clientId } });
    s.template.hasOutput('ExportClientId', { Value: { Ref: clientId } });
  });
});

describe('the export credential with an OIDC provider (China)', () => {
  it('is the provider’s client named in the context, with the export scope', () => {
    const s = synth({ ...VARIANTS.china, authExportClientId: 'ducha-ledger-export' });
    expect(resourcesOfType(s.json, 'AWS::Cognito::UserPoolClient')).toEqual({});
    expect(audience(s)).toContain('ducha-ledger-export');
    expect(staffEnv(s)).toMatchObject({ DUCHA_MACHINE_SCOPE: EXPORT_SCOPE, DUCHA_MACHINE_CLIENTS: 'ducha-ledger-export' });
  });

  it('is absent unless configured: only staff ID tokens then', () => {
    const s = synth(VARIANTS.china);
    expect(audience(s)).toHaveLength(1);
    expect(staffEnv(s).DUCHA_MACHINE_SCOPE).toBeUndefined();
  });
});
