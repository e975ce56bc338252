import { describe, expect, it } from "vitest";
import {
  SIGN_IN_MESSAGES,
  SignInError,
  acquireToken,
  signInMethods,
  type Acquire,
  type HostCapabilities,
  type SignInMethod,
} from "./chooser.ts";
import { authConfig } from "./config.ts";

const APP = "3f2b8c1e-9d4a-4e6b-8f0a-1c2d3e4f5a6b";
const configured = authConfig({ clientId: APP }, "kaoping.example.cn");
const noApp = authConfig({}, "kaoping.example.cn");

/** A fake Office host: the requirement sets it supports, and whether SSO and the dialog API exist. */
const host = (sets: string[], more: Partial<HostCapabilities> = {}): HostCapabilities => ({
  isSetSupported: (name, version) => sets.includes(`${name} ${version}`),
  hasSso: false,
  hasDialog: false,
  ...more,
});

describe("which sign-in the pane uses", () => {
  it("prefers nested app authentication where the host supports NestedAppAuth 1.1", () => {
    const newOutlookLike = host(["NestedAppAuth 1.1", "DialogApi 1.1"], { hasSso: true, hasDialog: true });
    expect(signInMethods(newOutlookLike, configured)).toEqual(["naa", "sso", "dialog"]);
  });

  it("uses Office SSO then the dialog on a host without NAA", () => {
    expect(signInMethods(host(["DialogApi 1.1"], { hasSso: true, hasDialog: true }), configured)).toEqual([
      "sso",
      "dialog",
    ]);
    // NestedAppAuth 1.0 is not enough: 1.1 is the version Microsoft supports.
    expect(signInMethods(host(["NestedAppAuth 1.0", "DialogApi 1.1"], { hasDialog: true }), configured)).toEqual([
      "dialog",
    ]);
  });

  it("offers no MSAL route without an app id (only Office SSO, configured by the manifest)", () => {
    const everything = host(["NestedAppAuth 1.1", "DialogApi 1.1"], { hasSso: true, hasDialog: true });
    expect(signInMethods(everything, noApp)).toEqual(["sso"]);
    expect(signInMethods(host([]), noApp)).toEqual([]);
  });

  it("needs DialogApi 1.1 for the dialog, even if the function exists", () => {
    expect(signInMethods(host([], { hasDialog: true }), configured)).toEqual([]);
  });
});

describe("trying the methods in order", () => {
  const ok =
    (token: string): Acquire =>
    async () =>
      token;
  const fail =
    (e: unknown): Acquire =>
    async () => {
      throw e;
    };
  const impls = (over: Partial<Record<SignInMethod, Acquire>>) => ({
    naa: fail(new Error("naa not expected")),
    sso: fail(new Error("sso not expected")),
    dialog: fail(new Error("dialog not expected")),
    ...over,
  });

  it("takes the first method that answers", async () => {
    expect(await acquireToken(["naa", "sso"], impls({ naa: ok("t1") }), { interactive: true })).toEqual({
      token: "t1",
      method: "naa",
    });
  });

  it("falls back from SSO that is not set up (13007) to the dialog", async () => {
    const got = await acquireToken(["sso", "dialog"], impls({ sso: fail({ code: 13007 }), dialog: ok("t2") }), {
      interactive: true,
    });
    expect(got).toEqual({ token: "t2", method: "dialog" });
  });

  it("stops when the user cancels, without opening another window", async () => {
    const cancel = new SignInError(SIGN_IN_MESSAGES.cancelled, { cancelled: true });
    await expect(
      acquireToken(["naa", "dialog"], impls({ naa: fail(cancel), dialog: ok("never") }), { interactive: true }),
    ).rejects.toBe(cancel);
  });

  it("never opens the dialog on a quiet (start-up) attempt", async () => {
    await expect(
      acquireToken(["dialog"], impls({ dialog: ok("never") }), { interactive: false }),
    ).rejects.toMatchObject({ bilingual: SIGN_IN_MESSAGES.unavailable });
  });

  it("says what to do when every method failed, and when there is none", async () => {
    await expect(
      acquireToken(["sso"], impls({ sso: fail({ code: 13000 }) }), { interactive: true }),
    ).rejects.toMatchObject({ bilingual: SIGN_IN_MESSAGES.failed });
    await expect(acquireToken([], impls({}), { interactive: true })).rejects.toMatchObject({
      bilingual: SIGN_IN_MESSAGES.unavailable,
    });
  });
});

describe("the authority", () => {
  it("is the global cloud by default and Azure China (21Vianet) when configured", () => {
    expect(configured.authority).toBe("https://login.microsoftonline.com/organizations");
    expect(authConfig({ clientId: APP, cloud: "china", tenant: "zzb.partner.onmschina.cn" }, "x.cn").authority).toBe(
      "https://login.partner.microsoftonline.cn/zzb.partner.onmschina.cn",
    );
  });

  it("requests the API scope on the pane's own host, and treats the manifest's placeholder id as no app", () => {
    expect(configured.scope).toBe(`api://kaoping.example.cn/${APP}/access_as_user`);
    expect(authConfig({ clientId: "00000000-0000-0000-0000-000000000000" }, "h").clientId).toBeNull();
  });
});
