import type { TestProject } from "vitest/node";
import { type MockServer, startMockServer } from "../../src/testing/start-mock-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    prism360: string;
    prismBird: string;
  }
}

// One Prism per bundle for the whole run; vitest calls the returned teardown even when tests fail.
export default async function setup(project: TestProject) {
  const servers: MockServer[] = [];
  try {
    const [d360, bird] = await Promise.all([startMockServer("360dialog"), startMockServer("bird")]);
    servers.push(d360, bird);
    project.provide("prism360", d360.url);
    project.provide("prismBird", bird.url);
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
  };
}
