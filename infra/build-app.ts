/**
 * Put the stacks of one deployment into an app and register cdk-nag's AwsSolutions checks on it. Used by
 * infra/app.ts and by the tests, so what is tested is what synthesizes.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError, type DeploymentConfig } from './config.ts';
import { DuchaStack } from './stacks/ducha-stack.ts';
import { EdgeWafStack } from './stacks/edge-waf-stack.ts';

export interface BuiltApp {
  readonly main: DuchaStack;
  /** The us-east-1 web ACL stack, when the main stack is in another global region and WAF is on. */
  readonly edgeWaf?: EdgeWafStack;
}

export interface BuildOptions {
  /** The target account; unset keeps the stacks account-agnostic (offline synth). */
  readonly account?: string | undefined;
}

export function buildApp(app: App, config: DeploymentConfig, options: BuildOptions = {}): BuiltApp {
  if (!existsSync(path.join(config.sitePath, 'index.html'))) {
    throw new ConfigError(
      `找不到构建好的站点：${config.sitePath}/index.html。请先运行 npm run build，再合成或部署。`,
      `No built site at ${config.sitePath}/index.html. Run \`npm run build\` before synth or deploy.`,
    );
  }
  const account = options.account;
  const name = `Ducha-${config.stage}`;
  const description = `Ducha (督查公开) portal, stage ${config.stage}`;

  let edgeWaf: EdgeWafStack | undefined;
  if (config.waf && config.partition === 'global' && config.region !== 'us-east-1') {
    edgeWaf = new EdgeWafStack(app, `${name}-EdgeWaf`, {
      env: { account, region: 'us-east-1' },
      crossRegionReferences: true,
      description: `${description}: CloudFront web ACL`,
    });
  }
  const main = new DuchaStack(app, name, {
    env: { account, region: config.region },
    config,
    description,
    ...(edgeWaf ? { webAclArn: edgeWaf.waf.arn, crossRegionReferences: true } : {}),
  });
  if (edgeWaf) main.addStackDependency(edgeWaf);

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { main, ...(edgeWaf ? { edgeWaf } : {}) };
}
