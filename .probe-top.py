import json,sys,collections
p=json.load(open(sys.argv[1]))
nodes={n['id']:n for n in p['nodes']}
self=collections.Counter()
dt=p['timeDeltas']; samples=p['samples']
for s,d in zip(samples,dt): 
    n=nodes[s]['callFrame']; self[(n['functionName'] or '(anon)')+' '+n['url'].split('/')[-1]+':'+str(n['lineNumber'])]+=d
tot=sum(self.values())
for k,v in self.most_common(int(sys.argv[2]) if len(sys.argv)>2 else 40): print(f"{v/tot*100:5.1f}% {k}")
