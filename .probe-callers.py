import json,sys,collections
p=json.load(open(sys.argv[1])); target=sys.argv[2]
nodes={n['id']:n for n in p['nodes']}
parent={}
for n in p['nodes']:
    for c in n.get('children',[]): parent[c]=n['id']
cnt=collections.Counter(p['samples'])
agg=collections.Counter()
for nid,c in cnt.items():
    n=nodes[nid]
    if n['callFrame']['functionName']!=target: continue
    chain=[]; x=nid
    for _ in range(12):
        x=parent.get(x)
        if x is None: break
        cf=nodes[x]['callFrame']; chain.append(f"{cf['functionName'] or '(anon)'}@{cf['url'].split('/')[-1]}:{cf['lineNumber']}")
    agg[' < '.join(chain)]+=c
for k,v in agg.most_common(5): print(v,k,'\n')
