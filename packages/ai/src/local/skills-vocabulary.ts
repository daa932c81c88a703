/**
 * The skills the local provider recognises in a work-log entry: languages, frameworks, platforms
 * and practices. Each skill lists the words that name it, matched on lemmas and lower-cased
 * forms (so "deployed Kubernetes", "k8s" and "kubectl" all count as Kubernetes; "reviewed three
 * pull requests" as Code review). Phrases are matched on consecutive words. Add a line to teach it
 * another skill; `docs/ai.md` describes the rules.
 */
export interface SkillDefinition {
  name: string;
  kind: 'language' | 'framework' | 'platform' | 'data' | 'practice';
  /** Single words or space-separated phrases, lower case; lemmas of the words in the text are tried too. */
  names: string[];
}

export const SKILLS: SkillDefinition[] = [
  // Languages
  { name: 'TypeScript', kind: 'language', names: ['typescript', 'ts', 'tsc'] },
  { name: 'JavaScript', kind: 'language', names: ['javascript', 'js', 'ecmascript'] },
  { name: 'Python', kind: 'language', names: ['python', 'pytest', 'pip'] },
  { name: 'Go', kind: 'language', names: ['golang', 'go module', 'goroutine'] },
  { name: 'Rust', kind: 'language', names: ['rust', 'cargo', 'rustc'] },
  { name: 'Java', kind: 'language', names: ['java', 'jvm', 'maven', 'gradle'] },
  { name: 'Kotlin', kind: 'language', names: ['kotlin'] },
  { name: 'Swift', kind: 'language', names: ['swift', 'swiftui'] },
  { name: 'C#', kind: 'language', names: ['c#', 'csharp', 'dotnet', '.net'] },
  { name: 'Ruby', kind: 'language', names: ['ruby', 'rails'] },
  { name: 'SQL', kind: 'language', names: ['sql', 'query plan', 'index', 'migration'] },
  { name: 'CSS', kind: 'language', names: ['css', 'tailwind', 'sass', 'stylesheet'] },
  // Frameworks and libraries
  { name: 'React', kind: 'framework', names: ['react', 'jsx', 'hook', 'component'] },
  { name: 'Next.js', kind: 'framework', names: ['next.js', 'nextjs', 'app router'] },
  { name: 'Node.js', kind: 'framework', names: ['node', 'node.js', 'nodejs', 'npm', 'pnpm'] },
  { name: 'Express', kind: 'framework', names: ['express'] },
  { name: 'Vue', kind: 'framework', names: ['vue', 'nuxt'] },
  { name: 'Angular', kind: 'framework', names: ['angular'] },
  { name: 'Django', kind: 'framework', names: ['django'] },
  { name: 'GraphQL', kind: 'framework', names: ['graphql', 'apollo'] },
  { name: 'REST APIs', kind: 'framework', names: ['rest api', 'endpoint', 'openapi', 'api'] },
  // Platforms and infrastructure
  { name: 'Kubernetes', kind: 'platform', names: ['kubernetes', 'k8s', 'kubectl', 'helm', 'pod'] },
  { name: 'Docker', kind: 'platform', names: ['docker', 'container', 'dockerfile', 'compose'] },
  { name: 'AWS', kind: 'platform', names: ['aws', 'lambda', 's3', 'ec2', 'cloudformation'] },
  { name: 'GCP', kind: 'platform', names: ['gcp', 'bigquery', 'cloud run'] },
  { name: 'Azure', kind: 'platform', names: ['azure'] },
  { name: 'Terraform', kind: 'platform', names: ['terraform', 'infrastructure as code'] },
  {
    name: 'CI/CD',
    kind: 'platform',
    names: ['ci', 'ci/cd', 'pipeline', 'github actions', 'jenkins', 'deploy', 'release'],
  },
  { name: 'Linux', kind: 'platform', names: ['linux', 'bash', 'shell script'] },
  // Data
  { name: 'PostgreSQL', kind: 'data', names: ['postgres', 'postgresql', 'psql'] },
  { name: 'Redis', kind: 'data', names: ['redis', 'bullmq'] },
  { name: 'Kafka', kind: 'data', names: ['kafka'] },
  { name: 'Elasticsearch', kind: 'data', names: ['elasticsearch', 'opensearch'] },
  {
    name: 'Machine learning',
    kind: 'data',
    names: ['machine learning', 'model training', 'embedding', 'llm'],
  },
  { name: 'Data analysis', kind: 'data', names: ['dashboard', 'analytics', 'metric', 'sql report'] },
  // Practices
  {
    name: 'Testing',
    kind: 'practice',
    names: ['test', 'unit test', 'e2e', 'jest', 'playwright', 'coverage'],
  },
  { name: 'Code review', kind: 'practice', names: ['code review', 'pull request', 'pr', 'review'] },
  {
    name: 'Performance',
    kind: 'practice',
    names: [
      'performance',
      'latency',
      'p99',
      'p95',
      'profile',
      'profiling',
      'optimise',
      'optimize',
      'first paint',
    ],
  },
  {
    name: 'Observability',
    kind: 'practice',
    names: ['monitoring', 'alert', 'grafana', 'prometheus', 'tracing', 'logging'],
  },
  {
    name: 'Incident response',
    kind: 'practice',
    names: ['incident', 'outage', 'postmortem', 'on-call', 'on call', 'rollback'],
  },
  {
    name: 'Security',
    kind: 'practice',
    names: ['security', 'vulnerability', 'oauth', 'csp', 'xss', 'encryption'],
  },
  { name: 'Accessibility', kind: 'practice', names: ['accessibility', 'a11y', 'screen reader', 'aria'] },
  { name: 'Refactoring', kind: 'practice', names: ['refactor', 'cleanup', 'tech debt', 'technical debt'] },
  {
    name: 'Mentoring',
    kind: 'practice',
    names: ['mentor', 'mentoring', 'pair', 'pairing', 'onboard', 'coach'],
  },
  {
    name: 'Technical writing',
    kind: 'practice',
    names: ['documentation', 'docs', 'rfc', 'design doc', 'write-up'],
  },
  {
    name: 'Planning',
    kind: 'practice',
    names: ['planning', 'roadmap', 'estimate', 'sprint planning', 'prioritise', 'prioritize'],
  },
  { name: 'Hiring', kind: 'practice', names: ['interview', 'hiring', 'candidate', 'recruit'] },
  { name: 'UX design', kind: 'practice', names: ['ux', 'user research', 'figma', 'prototype', 'wireframe'] },
  { name: 'Leadership', kind: 'practice', names: ['lead', 'led', 'facilitate', 'stakeholder', 'kickoff'] },
];
