/**
 * Data: the DynamoDB tables, built from the shared definitions in functions/store/tables.ts (the local
 * bootstrap reads the same module), encrypted with one customer-managed KMS key.
 * Layer: infra/ — imports domain/ and infra/; of functions/ only handlers/bundling.ts and store/tables.ts.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLES, type TableDefinition, type TableKey } from '../../functions/store/tables.ts';

export interface DataProps {
  /**
   * What happens to the tables and the key when they leave the stack. Citizens' submissions must survive a
   * mistaken `cdk destroy`, so the default keeps them.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Refuse DeleteTable calls (a table can only be deleted after turning this off).
   * @default true
   */
  readonly deletionProtection?: boolean;
}

const attribute = (key: { name: string; type: 'S' | 'N' }): dynamodb.Attribute => ({
  name: key.name,
  type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
});

export class Data extends Construct {
  /** Encrypts every table and the API's secret; rotated yearly by KMS. */
  public readonly key: kms.Key;
  /** The tables by their key in TABLES. */
  public readonly tables: Readonly<Record<TableKey, dynamodb.Table>>;

  constructor(scope: Construct, id: string, props: DataProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    this.key = new kms.Key(this, 'Key', {
      description: 'Ducha: encrypts submissions, contact details, guard records and the API secret',
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      removalPolicy,
    });

    const build = (def: TableDefinition) => {
      const table = new dynamodb.Table(this, def.id, {
        partitionKey: attribute(def.partitionKey),
        ...(def.sortKey ? { sortKey: attribute(def.sortKey) } : {}),
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: props.deletionProtection ?? true,
        encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
        encryptionKey: this.key,
        timeToLiveAttribute: def.ttlAttribute,
        removalPolicy,
      });
      for (const index of def.globalIndexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.indexName,
          partitionKey: attribute(index.partitionKey),
          ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
          projectionType: dynamodb.ProjectionType.ALL,
        });
      }
      return table;
    };

    this.tables = Object.fromEntries(Object.entries(TABLES).map(([name, def]) => [name, build(def)])) as Record<TableKey, dynamodb.Table>;
  }
}
