// A worker of the bare-parse baseline: one compromise parse per abstract, nothing else.
import nlp from 'compromise';

export default function parseBatch(abstracts) {
  for (const text of abstracts) nlp(text);
  return abstracts.length;
}
