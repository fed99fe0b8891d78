// Network flow on small integer graphs, for the dispatcher (min-cost flow) and the benchmarks' upper bound (max flow).
// Plain arrays of numbers: costs are whole numbers, so every sum stays exact.

export class FlowGraph {
  readonly n: number;
  private head: number[];
  private to: number[] = [];
  private next: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];

  constructor(nodes: number) {
    this.n = nodes;
    this.head = new Array<number>(nodes).fill(-1);
  }

  /** Adds an edge u→v (and its residual twin); returns the edge's index for flowOn. */
  addEdge(u: number, v: number, capacity: number, cost = 0): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(capacity, 0);
    this.cost.push(cost, -cost);
    this.next.push(this.head[u]!, this.head[v]!);
    this.head[u] = e;
    this.head[v] = e + 1;
    return e;
  }

  /** The flow an edge carries now. */
  flowOn(e: number): number {
    return this.cap[e + 1]!;
  }

  /** Dinic's maximum flow from s to t. */
  maxFlow(s: number, t: number): number {
    const level = new Int32Array(this.n);
    const iter = new Int32Array(this.n);
    const queue = new Int32Array(this.n);
    let total = 0;
    for (;;) {
      level.fill(-1);
      level[s] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = s;
      while (qh < qt) {
        const u = queue[qh++]!;
        for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
          const v = this.to[e]!;
          if (this.cap[e]! > 0 && level[v] === -1) {
            level[v] = level[u]! + 1;
            queue[qt++] = v;
          }
        }
      }
      if (level[t] === -1) return total;
      for (let i = 0; i < this.n; i++) iter[i] = this.head[i]!;
      for (let f = this.augment(s, t, Infinity, level, iter); f > 0; f = this.augment(s, t, Infinity, level, iter))
        total += f;
    }
  }

  /** One blocking-flow path, iteratively (graphs here are too deep for recursion). */
  private augment(s: number, t: number, limit: number, level: Int32Array, iter: Int32Array): number {
    const path: number[] = [];
    let u = s;
    for (;;) {
      if (u === t) {
        let f = limit;
        for (const e of path) f = Math.min(f, this.cap[e]!);
        for (const e of path) {
          this.cap[e]! -= f;
          this.cap[e ^ 1]! += f;
        }
        return f;
      }
      let advanced = false;
      for (; iter[u] !== -1; iter[u] = this.next[iter[u]!]!) {
        const e = iter[u]!;
        const v = this.to[e]!;
        if (this.cap[e]! > 0 && level[v] === level[u]! + 1) {
          path.push(e);
          u = v;
          advanced = true;
          break;
        }
      }
      if (!advanced) {
        if (u === s) return 0;
        level[u] = -1; // a dead end: never visit it again in this phase
        const e = path.pop()!;
        u = this.to[e ^ 1]!;
        iter[u] = this.next[iter[u]!]!;
      }
    }
  }

  /**
   * Successive shortest paths (Dijkstra with potentials): sends flow from s to t along cheapest paths while a path's
   * cost is negative, so the result is the cheapest flow of any size. Edge costs may be negative if the graph has no
   * negative cycle (the first potentials come from Bellman–Ford).
   */
  minCostFlow(s: number, t: number): { flow: number; cost: number } {
    const n = this.n;
    const h = this.bellmanFord(s);
    const dist = new Float64Array(n);
    const prevEdge = new Int32Array(n);
    const done = new Uint8Array(n);
    let flow = 0;
    let cost = 0;
    const heap = new MinHeap();
    for (;;) {
      dist.fill(Infinity);
      prevEdge.fill(-1);
      done.fill(0);
      dist[s] = 0;
      heap.clear();
      heap.push(0, s);
      let reached = Infinity;
      while (heap.size > 0) {
        const [d, u] = heap.pop();
        if (done[u] || d > dist[u]!) continue;
        done[u] = 1;
        if (u === t) {
          reached = d;
          break; // the rest is settled below: nodes further than t keep valid potentials with dist[t]
        }
        for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
          if (this.cap[e]! <= 0) continue;
          const v = this.to[e]!;
          const nd = d + this.cost[e]! + h[u]! - h[v]!;
          if (nd < dist[v]!) {
            dist[v] = nd;
            prevEdge[v] = e;
            heap.push(nd, v);
          }
        }
      }
      if (reached === Infinity) break;
      for (let v = 0; v < n; v++) if (h[v]! < Infinity) h[v]! += done[v] ? dist[v]! : reached;
      const pathCost = h[t]! - h[s]!;
      if (pathCost >= 0) break;
      let f = Infinity;
      for (let v = t; v !== s; v = this.to[prevEdge[v]! ^ 1]!) f = Math.min(f, this.cap[prevEdge[v]!]!);
      for (let v = t; v !== s; v = this.to[prevEdge[v]! ^ 1]!) {
        const e = prevEdge[v]!;
        this.cap[e]! -= f;
        this.cap[e ^ 1]! += f;
      }
      flow += f;
      cost += f * pathCost;
    }
    return { flow, cost };
  }

  private bellmanFord(s: number): number[] {
    const d = new Array<number>(this.n).fill(Infinity);
    d[s] = 0;
    // Queue-based (SPFA): the dispatcher's graphs are layered, so this settles in a few passes.
    const inQueue = new Uint8Array(this.n);
    const queue: number[] = [s];
    inQueue[s] = 1;
    for (let qh = 0; qh < queue.length; qh++) {
      const u = queue[qh]!;
      inQueue[u] = 0;
      for (let e = this.head[u]!; e !== -1; e = this.next[e]!) {
        if (this.cap[e]! <= 0) continue;
        const v = this.to[e]!;
        if (d[u]! + this.cost[e]! < d[v]!) {
          d[v] = d[u]! + this.cost[e]!;
          if (!inQueue[v]) {
            inQueue[v] = 1;
            queue.push(v);
          }
        }
      }
    }
    return d;
  }
}

/** A binary heap of (key, node) pairs, smallest key first; ties go to the smaller node number. */
class MinHeap {
  private keys: number[] = [];
  private nodes: number[] = [];
  get size() {
    return this.keys.length;
  }
  clear() {
    this.keys.length = 0;
    this.nodes.length = 0;
  }
  private less(i: number, j: number) {
    return this.keys[i]! < this.keys[j]! || (this.keys[i] === this.keys[j] && this.nodes[i]! < this.nodes[j]!);
  }
  private swap(i: number, j: number) {
    [this.keys[i], this.keys[j]] = [this.keys[j]!, this.keys[i]!];
    [this.nodes[i], this.nodes[j]] = [this.nodes[j]!, this.nodes[i]!];
  }
  push(key: number, node: number) {
    this.keys.push(key);
    this.nodes.push(node);
    for (let i = this.keys.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.nodes[0]!];
    const lastKey = this.keys.pop()!;
    const lastNode = this.nodes.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.nodes[0] = lastNode;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
