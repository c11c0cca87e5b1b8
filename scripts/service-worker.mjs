// Generates dist/sw.js after `astro build` (placeholder until the offline support lands).
