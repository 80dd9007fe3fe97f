import json,sys,collections
p=json.load(open(sys.argv[1]))
nodes={n['id']:n for n in p['nodes']}
parent={}
for n in p['nodes']:
    for c in n.get('children',[]): parent[c]=n['id']
cnt=collections.Counter(p['samples']); total=sum(cnt.values())
incl=collections.Counter()
for nid,c in cnt.items():
    seen=set(); x=nid
    while x is not None:
        cf=nodes[x]['callFrame']; k=f"{cf['functionName'] or '(anon)'}@{cf['url'].split('/')[-1]}:{cf['lineNumber']}"
        if k not in seen: incl[k]+=c; seen.add(k)
        x=parent.get(x)
for k,v in incl.most_common(int(sys.argv[2])): print(f"{v/total*100:5.1f}% {k}")
