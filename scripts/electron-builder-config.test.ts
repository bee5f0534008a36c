/**
 * The installer configuration, checked with electron-builder's own code: its config loader (which
 * resolves `extends`), its validator and, independently, its JSON schema compiled by Ajv. Then every
 * target the release needs, the fuses as electron-builder will hand them to @electron/fuses, and the
 * release workflow.
 *
 * This stands in for `npm run dist` here: this machine has no Electron binary (it cannot be
 * downloaded), so electron-builder cannot package. Where one is available, set FISCAL_DESK_RUN_DIST=1
 * to also build an unpacked app for this OS with the real configuration (the last test).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { appId, productName } from '../shared/app-identity';
import { updateChannelSchema } from '../shared/contract/settings';
import { findElectronBinary } from './electron-binary';

const repoRoot = resolve(import.meta.dirname, '..');
const mainConfig = 'electron-builder.yml';
const variants = ['build/publish-github.yml', 'build/no-update-feed.yml'] as const;

// electron-builder's internals, resolved the way electron-builder itself resolves them.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const requireFromLib = createRequire(requireFromBuilder.resolve('app-builder-lib/package.json'));

interface DebugLogger {
  isEnabled: boolean;
  add(key: string, value: unknown): void;
}
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Configuration | null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: DebugLogger): Promise<void>;
}
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string }[] | null;
}
interface AjvInstance {
  compile(schema: object): ValidateFunction;
}
type AjvConstructor = new (options: Record<string, unknown>) => AjvInstance;
interface FuseConfig {
  version: string;
  [fuse: number]: boolean | undefined;
}
interface PlatformPackagerPrototype {
  generateFuseConfig(this: unknown, fuses: NonNullable<Configuration['electronFuses']>): Promise<FuseConfig>;
}

const configModule = requireFromLib('./out/util/config/config.js') as ConfigModule;
const builderSchema = JSON.parse(readFileSync(requireFromLib.resolve('./scheme.json'), 'utf8')) as object;
const Ajv = (requireFromLib('ajv') as { default: AjvConstructor }).default;
const yaml = requireFromLib('js-yaml') as { load(text: string): unknown };
const quietDebugLogger: DebugLogger = { isEnabled: false, add: () => undefined };

function load(configPath: string): Promise<Configuration> {
  return configModule.getConfig(repoRoot, join(repoRoot, configPath), null);
}

/** The schema compiled by a plain Ajv: no type coercion (electron-builder's own validator coerces). */
function schemaErrors(config: Configuration): string[] {
  const validate = new Ajv({ allErrors: true, strict: false, coerceTypes: false }).compile(builderSchema);
  if (validate(config)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`);
}

type TargetList = { target: string; arch?: string[] }[];
function targetsOf(platform: { target?: unknown } | null | undefined): TargetList {
  return (platform?.target ?? []) as TargetList;
}

describe('electron-builder.yml', () => {
  it('loads and passes electron-builder’s own validation', async () => {
    const config = await load(mainConfig);
    await expect(configModule.validateConfiguration(config, quietDebugLogger)).resolves.toBeUndefined();
  });

  it('matches electron-builder’s JSON schema, checked by Ajv', async () => {
    expect(schemaErrors(await load(mainConfig))).toEqual([]);
  });

  it.each(variants)('the %s variant loads, extends the main file and validates', async (variant) => {
    const config = await load(variant);
    await expect(configModule.validateConfiguration(config, quietDebugLogger)).resolves.toBeUndefined();
    expect(schemaErrors(config)).toEqual([]);
    expect(config.appId).toBe(appId);
    expect(config.electronFuses).toBeDefined();
  });

  it('the validators are real: a broken configuration is refused by both', async () => {
    const broken = { ...(await load(mainConfig)), nsis: { perMachine: 'sometimes' }, installEverywhere: true } as unknown as Configuration;
    expect(schemaErrors(broken).join('\n')).toMatch(/perMachine|additional properties/);
    await expect(configModule.validateConfiguration(broken, quietDebugLogger)).rejects.toThrow(/installEverywhere/);
  });

  it('names the app as the keychain and the updater know it', async () => {
    const config = await load(mainConfig);
    expect(config.appId).toBe(appId);
    expect(config.productName).toBe(productName);
    expect(config.asar).toBe(true);
    // electron-builder normalises `files` into one file set; only the compiled app and package.json go in.
    const [fileSet] = config.files as { filter: string[] }[];
    expect(fileSet?.filter).toEqual(['out/**/*', '!out/**/*.map', 'package.json']);
  });

  it('builds a per-user NSIS installer for Windows with shortcuts and differential updates', async () => {
    const config = await load(mainConfig);
    expect(targetsOf(config.win)).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.win?.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis).toMatchObject({
      perMachine: false,
      allowElevation: false,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      differentialPackage: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds a hardened, notarisable DMG and zip for both Mac architectures', async () => {
    const config = await load(mainConfig);
    const targets = targetsOf(config.mac);
    for (const name of ['dmg', 'zip']) {
      expect(targets.find((target) => target.target === name)?.arch?.toSorted()).toEqual(['arm64', 'x64']);
    }
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.notarize).toBe(true);
    for (const key of ['entitlements', 'entitlementsInherit'] as const) {
      const file = config.mac?.[key];
      expect(typeof file).toBe('string');
      const plist = readFileSync(join(repoRoot, file as string), 'utf8');
      expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
      expect(plist).not.toContain('com.apple.security.app-sandbox');
    }
  });

  it('builds an AppImage and a deb for Linux, with what deb and keytar need', async () => {
    const config = await load(mainConfig);
    expect(targetsOf(config.linux).map((target) => target.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect((config.extraMetadata as { homepage?: string } | undefined)?.homepage).toMatch(/^https:\/\//);
    expect(config.deb?.depends).toContain('libsecret-1-0');
  });

  it('names every artifact with version and architecture', async () => {
    const config = await load(mainConfig);
    expect(config.artifactName).toContain('${version}');
    expect(config.artifactName).toContain('${arch}');
    expect(config.artifactName).not.toContain('${productName}');
  });

  it('rebuilds native modules (keytar) for Electron at packaging time', async () => {
    const config = await load(mainConfig);
    expect(config.npmRebuild).toBe(true);
    expect(config.nativeRebuilder).toBe('sequential');
    const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // Only production dependencies are packaged (and so rebuilt).
    expect(Object.keys(packageJson.dependencies)).toContain('keytar');
  });

  it('publishes latest and beta channels, to a generic HTTPS feed or to GitHub', async () => {
    const config = await load(mainConfig);
    expect(config.detectUpdateChannel).toBe(true);
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
    // The channels the Settings screen offers are the ones electron-builder writes (latest.yml, beta.yml).
    expect(updateChannelSchema.options).toEqual(['latest', 'beta']);
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.FISCAL_DESK_UPDATE_URL}' });

    const github = await load('build/publish-github.yml');
    expect(github.publish).toEqual([
      { provider: 'github', owner: '${env.FISCAL_DESK_GITHUB_OWNER}', repo: '${env.FISCAL_DESK_GITHUB_REPO}', releaseType: 'draft' },
    ]);
    const noFeed = await load('build/no-update-feed.yml');
    expect(noFeed.publish).toBeNull();
  });

  it('configures the fuses step: electron-builder flips every fuse to its production value', async () => {
    const config = await load(mainConfig);
    const fuses = config.electronFuses;
    expect(fuses).toBeDefined();
    const { FuseV1Options } = (await import(requireFromLib.resolve('@electron/fuses'))) as { FuseV1Options: Record<string, number | string> };
    const { PlatformPackager } = requireFromLib('./out/index.js') as { PlatformPackager: { prototype: PlatformPackagerPrototype } };
    // The same function electron-builder runs right before signing.
    const wire = await PlatformPackager.prototype.generateFuseConfig.call(null, fuses!);
    const fuse = (name: string) => wire[FuseV1Options[name] as number];
    expect(fuse('RunAsNode')).toBe(false);
    expect(fuse('EnableNodeOptionsEnvironmentVariable')).toBe(false);
    expect(fuse('EnableNodeCliInspectArguments')).toBe(false);
    expect(fuse('EnableCookieEncryption')).toBe(true);
    expect(fuse('EnableEmbeddedAsarIntegrityValidation')).toBe(true);
    expect(fuse('OnlyLoadAppFromAsar')).toBe(true);
    expect(fuse('GrantFileProtocolExtraPrivileges')).toBe(false);
    // No fuse is left at Electron's default by omission.
    const fuseNames = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    for (const name of fuseNames) expect(typeof fuse(name), name).toBe('boolean');
  });

  it('keeps the packaged-app build command in package.json', () => {
    const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string>; build?: unknown };
    expect(packageJson.scripts.dist).toBe('electron-vite build && electron-builder --config electron-builder.yml');
    // Configuration lives in electron-builder.yml only.
    expect(packageJson.build).toBeUndefined();
  });
});

describe('the release workflow', () => {
  interface Job {
    'runs-on'?: unknown;
    strategy?: { matrix?: { include?: { os: string }[] } };
    needs?: unknown;
  }
  const workflowText = readFileSync(join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8');
  const workflow = yaml.load(workflowText) as { on: Record<string, unknown>; jobs: Record<string, Job> };

  it('builds on Windows, macOS and Linux runners', () => {
    const build = workflow.jobs.build;
    const runners = (build?.strategy?.matrix?.include ?? []).map((entry) => entry.os);
    expect(runners.some((os) => os.startsWith('windows'))).toBe(true);
    expect(runners.some((os) => os.startsWith('macos'))).toBe(true);
    expect(runners.some((os) => os.startsWith('ubuntu'))).toBe(true);
  });

  it('runs on version tags and takes signing secrets from the CI secret store', () => {
    expect(Object.keys(workflow.on)).toContain('push');
    expect(JSON.stringify(workflow.on)).toContain('v*');
    for (const secret of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']) {
      expect(workflowText).toContain(`secrets.${secret}`);
    }
    // A secret is never written into the workflow itself.
    expect(workflowText).not.toMatch(/-----BEGIN/);
  });

  it('builds with the configuration variant the chosen update provider needs', () => {
    expect(workflowText).toContain('build/publish-github.yml');
    expect(workflowText).toContain('FISCAL_DESK_UPDATE_URL');
    for (const variant of variants) expect(existsSync(join(repoRoot, variant))).toBe(true);
  });
});

describe('packaging with electron-builder', () => {
  const electron = findElectronBinary();
  const wanted = process.env.FISCAL_DESK_RUN_DIST === '1';
  const reason = !electron.available
    ? `no Electron binary on this machine (${electron.reason}); the configuration tests above stand in for \`npm run dist\``
    : 'set FISCAL_DESK_RUN_DIST=1 to package (takes minutes)';

  it('builds an unpacked app for this OS with the real configuration', (context) => {
    if (!electron.available || !wanted) {
      context.skip(reason);
      return;
    }
    const output = mkdtempSync(join(tmpdir(), 'fiscal-desk-dist-'));
    // Electron's dist folder: the one holding the binary (or Electron.app on macOS).
    const electronDist = process.platform === 'darwin' ? resolve(electron.path, '..', '..', '..', '..') : dirname(electron.path);
    const overlay = join(output, 'config.yml');
    writeFileSync(
      overlay,
      [`extends: ${join(repoRoot, 'build', 'no-update-feed.yml')}`, 'directories:', `  output: ${join(output, 'release')}`, `electronDist: ${electronDist}`, ''].join('\n'),
    );
    try {
      execFileSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
      execFileSync('npx', ['electron-builder', '--dir', '--config', overlay], {
        cwd: repoRoot,
        stdio: 'inherit',
        env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
      });
      expect(existsSync(join(output, 'release'))).toBe(true);
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  }, 600_000);
});
