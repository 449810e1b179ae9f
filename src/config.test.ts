import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('0.0.0.0');
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.database).toEqual({ kind: 'sqlite', url: path.resolve('./data/motcua.db') });
    expect(c.demo).toBe(false);
    expect(c.rateLimit).toBe(true);
    expect(c.draftQuota).toEqual({ maxOpen: 3, maxBytes: 150 * 1024 * 1024 });
    expect(loadConfig({}, { demo: true }).demo).toBe(true);
  });

  it('reads every variable', () => {
    const c = loadConfig({ PORT: '8080', HOST: '127.0.0.1', PUBLIC_URL: 'https://motcua.badinh.gov.vn/', DATA_DIR: '/srv/motcua', DEMO: 'off', RATE_LIMIT: 'off' });
    expect(c.port).toBe(8080);
    expect(c.publicUrl).toBe('https://motcua.badinh.gov.vn');
    expect(c.database.url).toBe('/srv/motcua/motcua.db');
    expect(c.rateLimit).toBe(false);
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/motcua' }).database.kind).toBe('postgres');
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/khac.db' }).database).toEqual({ kind: 'sqlite', url: '/tmp/khac.db' });
    expect(loadConfig({ DRAFT_MAX_OPEN: '5', DRAFT_MAX_MB: '300' }).draftQuota).toEqual({ maxOpen: 5, maxBytes: 300 * 1024 * 1024 });
  });

  it.each([
    [{ PORT: 'ba nghìn' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DEMO: 'maybe' }, /DEMO/],
    [{ RATE_LIMIT: 'sometimes' }, /RATE_LIMIT/],
    [{ DRAFT_MAX_OPEN: '0' }, /DRAFT_MAX_OPEN/],
    [{ DRAFT_MAX_MB: 'nhiều' }, /DRAFT_MAX_MB/],
    [{ PUBLIC_URL: 'motcua.vn' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'ftp://motcua.vn' }, /PUBLIC_URL/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ DATABASE_URL: 'sqlite:' }, /DATABASE_URL/],
    [{ FILE_STORE: '/mnt/files' }, /FILE_STORE/],
    [{ FILE_STORE: 's3://Ho_So' }, /FILE_STORE/],
    [{ FILE_STORE: 's3://ho-so//a' }, /FILE_STORE/],
    [{ FILE_STORE: 's3://ho-so', S3_ACCESS_KEY_ID: 'AKIA' }, /S3_ACCESS_KEY_ID và S3_SECRET_ACCESS_KEY/],
    [{ FILE_STORE: 's3://ho-so', S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT/],
    [{ FILE_STORE: 's3://ho-so', S3_FORCE_PATH_STYLE: 'co' }, /S3_FORCE_PATH_STYLE/],
  ])('refuses %o with a message naming the variable', (env, re) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(re);
  });

  it('keeps files on the disk by default, in an S3-compatible bucket with FILE_STORE=s3://', () => {
    expect(loadConfig({ DATA_DIR: '/srv/motcua' }).files).toEqual({ kind: 'disk', root: '/srv/motcua/files' });
    expect(loadConfig({ FILE_STORE: 's3://ho-so-ba-dinh' }).files).toEqual({
      kind: 's3',
      bucket: 'ho-so-ba-dinh',
      prefix: '',
      endpoint: undefined,
      region: 'us-east-1',
      accessKeyId: undefined,
      secretAccessKey: undefined,
      forcePathStyle: false,
    });
    const minio = loadConfig({
      FILE_STORE: 's3://motcua/ha-noi/ba-dinh',
      S3_ENDPOINT: 'http://10.0.0.5:9000/',
      S3_REGION: 'ap-southeast-1',
      S3_ACCESS_KEY_ID: 'motcua',
      S3_SECRET_ACCESS_KEY: 'bi-mat-rat-dai',
    }).files;
    expect(minio).toEqual({ kind: 's3', bucket: 'motcua', prefix: 'ha-noi/ba-dinh/', endpoint: 'http://10.0.0.5:9000', region: 'ap-southeast-1', accessKeyId: 'motcua', secretAccessKey: 'bi-mat-rat-dai', forcePathStyle: true });
    expect(loadConfig({ FILE_STORE: 's3://motcua', S3_ENDPOINT: 'https://s3.example.vn', S3_FORCE_PATH_STYLE: 'off' }).files).toMatchObject({ forcePathStyle: false });
  });
});
