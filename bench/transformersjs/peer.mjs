// transformers.js (onnxruntime-node, CPU) on a Kigo bundle's model.onnx: batch 1, greedy, 128 new tokens.
// Prints the prompt step and the ms per new token after it. See docs/benchmarks.md, "The peer".
//   node peer.mjs BUNDLE_DIR [THREADS]
import { AutoModelForCausalLM, AutoTokenizer, env } from '@huggingface/transformers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bundle = path.resolve(process.argv[2]);
const threads = Number(process.argv[3] ?? 2);
const manifest = JSON.parse(fs.readFileSync(path.join(bundle, 'model.json'), 'utf8'));

// transformers.js reads a Hugging Face folder (config.json, tokenizer files, onnx/model.onnx): made beside, with links.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kigo-peer-'));
const hf = path.join(folder, 'model');
fs.mkdirSync(path.join(hf, 'onnx'), { recursive: true });
fs.symlinkSync(path.join(bundle, 'model.onnx'), path.join(hf, 'onnx', 'model.onnx'));
fs.symlinkSync(path.join(bundle, 'tokenizer.json'), path.join(hf, 'tokenizer.json'));
fs.writeFileSync(path.join(hf, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'GPT2Tokenizer' }));
fs.writeFileSync(path.join(hf, 'config.json'), JSON.stringify({
  model_type: 'gpt2', architectures: ['GPT2LMHeadModel'], n_layer: manifest.layers, n_head: manifest.heads,
  n_embd: manifest.width, vocab_size: manifest.vocabSize, n_positions: manifest.contextLength,
  bos_token_id: manifest.eotId, eos_token_id: manifest.eotId, use_cache: true,
}));
env.allowRemoteModels = false;
env.localModelPath = folder;

const loadStart = performance.now();
const tokenizer = await AutoTokenizer.from_pretrained('model');
const model = await AutoModelForCausalLM.from_pretrained('model', {
  dtype: 'fp32', device: 'cpu',
  session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
});
const loadMs = performance.now() - loadStart;
const inputs = tokenizer('old pond a frog jumps in the sound of water');
const run = async (n) => {
  const start = performance.now();
  await model.generate({ ...inputs, max_new_tokens: n, min_new_tokens: n, do_sample: false });
  return performance.now() - start;
};
await run(8); // warm-up
const one = await run(1);
const full = await run(128);
console.log(`| transformers.js ${JSON.parse(fs.readFileSync(new URL('./node_modules/@huggingface/transformers/package.json', import.meta.url))).version}`
  + ` | load ${loadMs.toFixed(0)} ms | prompt step ${one.toFixed(1)} ms | ms per token ${((full - one) / 127).toFixed(2)} |`);
fs.rmSync(folder, { recursive: true, force: true });
