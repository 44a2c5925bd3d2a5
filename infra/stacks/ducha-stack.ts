/**
 * The portal in one stack: Data, Api, Site, Staff, Monitoring (and the web ACL when it may live here).
 * Composes constructs and prints the outputs; it builds nothing of its own.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from '../config.ts';
import { Api } from '../constructs/api.ts';
import { PUBLIC_API_FUNCTIONS } from '../constructs/api-functions.ts';
import { Data } from '../constructs/data.ts';
import { Monitoring } from '../constructs/monitoring.ts';
import { Site } from '../constructs/site.ts';
import { Reminders } from '../constructs/reminders.ts';
import { Staff } from '../constructs/staff.ts';
import { staffTokenOrigin } from '../constructs/staff-auth.ts';
import { Waf } from '../constructs/waf.ts';

export interface DuchaStackProps extends StackProps {
  readonly config: DeploymentConfig;
  /**
   * ARN of a CLOUDFRONT-scope web ACL made elsewhere (the us-east-1 stack, when this stack is not there).
   * @default - a web ACL in this stack when `config.waf` and the region is us-east-1, otherwise none
   */
  readonly webAclArn?: string;
}

export class DuchaStack extends Stack {
  public readonly data: Data;
  public readonly api: Api;
  public readonly site: Site;
  public readonly staff: Staff;
  public readonly monitoring: Monitoring;
  public readonly reminders: Reminders;

  constructor(scope: Construct, id: string, props: DuchaStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.data = new Data(this, 'Data');
    this.api = new Api(this, 'Api', { data: this.data, functions: PUBLIC_API_FUNCTIONS });

    const localWaf = config.waf && !props.webAclArn && config.partition === 'global' && config.region === 'us-east-1' ? new Waf(this, 'Waf') : undefined;
    const webAclArn = props.webAclArn ?? localWaf?.arn;

    this.site = new Site(this, 'Site', {
      assetPath: config.sitePath,
      partition: config.partition,
      apiDomainName: this.api.domainName,
      originVerify: this.api.originVerify,
      ...(config.domain ? { domain: config.domain } : {}),
      ...(config.certificateArn ? { certificateArn: config.certificateArn } : {}),
      ...(config.iamCertificateId ? { iamCertificateId: config.iamCertificateId } : {}),
      ...(webAclArn ? { webAclArn } : {}),
      // The staff console exchanges sign-in codes with the provider's token endpoint.
      connectSources: [staffTokenOrigin(config)],
    });

    // The functions read the site's published facts (/data/site-facts.json: the units that reply, the regions
    // and items a submission may name) and the clock's calendar and time limits (/data/clock.json).
    for (const fn of Object.values(this.api.functions)) fn.addEnvironment('DUCHA_SITE_URL', this.site.url);

    // After the site: the sign-in returns to the site's /staff/, and the staff function links to the site.
    this.staff = new Staff(this, 'Staff', { config, api: this.api, siteUrl: this.site.url });

    // The daily reminder (催办) at 09:00 China time, through its own topic.
    this.reminders = new Reminders(this, 'Reminders', { api: this.api, siteUrl: this.site.url });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      httpApi: this.api.httpApi,
      functions: Object.values(this.api.functions),
      tables: Object.values(this.data.tables),
      ...(config.alarmEmail ? { alarmEmail: config.alarmEmail } : {}),
    });

    new CfnOutput(this, 'SiteUrl', { value: this.site.url, description: 'The portal' });
    new CfnOutput(this, 'ApiUrl', { value: `${this.site.url}api/`, description: 'The feedback API, through CloudFront (same origin as the site)' });
    new CfnOutput(this, 'ApiDirectUrl', { value: this.api.httpApi.apiEndpoint, description: 'The HTTP API behind CloudFront (for diagnosis)' });
    new CfnOutput(this, 'DistributionId', { value: this.site.distribution.distributionId });
    new CfnOutput(this, 'DistributionDomainName', { value: this.site.distribution.distributionDomainName, description: 'Point the domain (CNAME) here' });
    new CfnOutput(this, 'SiteBucket', { value: this.site.bucket.bucketName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });
    new CfnOutput(this, 'ReminderTopicArn', { value: this.reminders.topic.topicArn, description: 'Subscribe units and reviewers here, filtered by audience/unit (docs/deploy.md)' });
    new CfnOutput(this, 'StaffConsoleUrl', { value: this.staff.signIn.redirectUri, description: 'The staff console' });
    if (this.staff.userPool) {
      new CfnOutput(this, 'StaffUserPoolId', { value: this.staff.userPool.userPool.userPoolId, description: 'Create staff users here (docs/deploy.md)' });
      new CfnOutput(this, 'StaffClientId', { value: this.staff.userPool.client.userPoolClientId });
      new CfnOutput(this, 'StaffSignInDomain', { value: this.staff.userPool.domain.baseUrl(), description: 'The hosted sign-in pages' });
      new CfnOutput(this, 'ExportClientId', { value: this.staff.userPool.exportClient.userPoolClientId, description: 'The scheduled ledger export’s machine client (its secret: in the Cognito console; docs/deploy.md)' });
    }
  }
}
