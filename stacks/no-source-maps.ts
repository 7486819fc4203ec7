/**
 * Imported first by the app entry: tsx turns source maps on, and cdktf captures a full stack trace
 * for every token it creates, which Node then maps frame by frame. Off, synth is 10-20% faster per
 * source (see docs/contributing.md, Benchmark). The cost: a crash's stack trace shows positions in the
 * transpiled JS. User mistakes never show a stack trace anyway (one line per problem).
 */
process.setSourceMapsEnabled(false);
