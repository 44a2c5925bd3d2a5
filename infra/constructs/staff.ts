/**
 * Staff: the supervision office's side. Staff sign-in (a Cognito user pool, or an OIDC provider in China),
 * the HTTP API's JWT authorizer on /api/staff/*, the staff function with its environment, and the
 * notification permissions it gets only when they are configured: SES sending restricted to the one
 * configured From address, SNS SMS publishing restricted to phone numbers.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { Annotations, Stack, Validations } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../config.ts';
import type { Api } from './api.ts';
import { STAFF_FUNCTION } from './api-functions.ts';
import { consoleConfig, oidcSignIn, StaffUserPool, type StaffSignIn } from './staff-auth.ts';

export interface StaffProps {
  readonly config: DeploymentConfig;
  readonly api: Api;
  /** The site's URL (https://…/). */
  readonly siteUrl: string;
}

export class Staff extends Construct {
  /** The user pool, when this app makes one (global regions). */
  public readonly userPool?: StaffUserPool;
  public readonly signIn: StaffSignIn;
  public readonly authorizer: HttpJwtAuthorizer;
  public readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: StaffProps) {
    super(scope, id);
    const { config } = props;

    if (config.staffAuth.kind === 'cognito') {
      this.userPool = new StaffUserPool(this, 'Auth', { domainPrefix: config.staffAuth.domainPrefix, siteUrl: props.siteUrl });
      this.signIn = this.userPool.signIn;
    } else {
      this.signIn = oidcSignIn(config.staffAuth, props.siteUrl);
    }

    // API Gateway rejects requests without a valid ID token for the console before the function runs.
    this.authorizer = new HttpJwtAuthorizer('StaffJwt', this.signIn.issuer, {
      authorizerName: 'ducha-staff',
      // The console's ID tokens (aud) and the export's machine access tokens (client_id, which API Gateway checks when there is no aud).
      jwtAudience: [this.signIn.audience, ...(this.signIn.machine ? [this.signIn.machine.clientId] : [])],
      identitySource: ['$request.header.Authorization'],
    });

    const statements = notificationStatements(this, config);
    this.function = props.api.addFunction(STAFF_FUNCTION, {
      authorizer: this.authorizer,
      statements,
      environment: {
        DUCHA_AUTH_ISSUER: this.signIn.issuer,
        DUCHA_AUTH_AUDIENCE: this.signIn.audience,
        DUCHA_AUTH_JWKS_URL: this.signIn.jwksUrl,
        DUCHA_CONSOLE_CONFIG: Stack.of(this).toJsonString(consoleConfig(this.signIn)),
        DUCHA_SITE_URL: props.siteUrl,
        ...(this.signIn.machine ? { DUCHA_MACHINE_SCOPE: this.signIn.machine.scope, DUCHA_MACHINE_CLIENTS: this.signIn.machine.clientId } : {}),
        ...(config.notifyEmailFrom ? { DUCHA_NOTIFY_EMAIL_FROM: config.notifyEmailFrom } : {}),
        ...(config.notifySms ? { DUCHA_NOTIFY_SMS: 'true' } : {}),
      },
    });
    if (config.notifySms) {
      Validations.of(this.function.role!).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'SNS authorizes publishing an SMS to a phone number only with Resource "*" (a phone number has no ARN); a Deny on every SNS ARN in the same ' +
          'role keeps the function from publishing to any topic or endpoint.',
      });
    }
    if (config.notifyEmailFrom && config.partition === 'china') {
      Annotations.of(this).addWarningV2(
        'ducha:china-ses',
        `notifyEmailFrom=${config.notifyEmailFrom}: AWS China's service list does not include Amazon SES and the China regions' CloudFormation registry has ` +
          'no SES resource types. Confirm with AWS China that your account can send through SES in this region before relying on email notifications.',
      );
    }
  }
}

/**
 * SES: SendEmail and SendRawEmail on the From address's identity (or its domain's, whichever is verified),
 * only with that From address. SNS: Publish to phone numbers only (Resource "*" is the only way to allow SMS;
 * every SNS ARN is denied, so no topic or platform endpoint can be published to).
 */
function notificationStatements(scope: Construct, config: DeploymentConfig): iam.PolicyStatement[] {
  const statements: iam.PolicyStatement[] = [];
  const stack = Stack.of(scope);
  if (config.notifyEmailFrom) {
    const from = config.notifyEmailFrom;
    const domain = from.slice(from.lastIndexOf('@') + 1);
    statements.push(
      new iam.PolicyStatement({
        sid: 'NotifyEmail',
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [from, domain].map((identity) => stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })),
        conditions: { StringEquals: { 'ses:FromAddress': from } },
      }),
    );
  }
  if (config.notifySms) {
    statements.push(
      new iam.PolicyStatement({ sid: 'NotifySms', actions: ['sns:Publish'], resources: ['*'] }),
      new iam.PolicyStatement({
        sid: 'NotifySmsNoTopics',
        effect: iam.Effect.DENY,
        actions: ['sns:Publish'],
        resources: [stack.formatArn({ service: 'sns', region: '*', account: '*', resource: '*' })],
      }),
    );
  }
  return statements;
}
