import json,glob,re,statistics as st,sys
d=sys.argv[1]
env=json.load(open([f for f in glob.glob(d+'/*.env.json')][0]))
res=json.load(open([f for f in glob.glob(d+'/*.json') if not f.endswith('env.json')][0]))
trip={}
for p in env['machineLoad']['pieces']:
    m=re.search(r'model=(\w+)-.*fork(\d+)',p['piece'])
    if m and 'dispatch' in p['piece']: trip[(m.group(1),int(m.group(2)))]=p.get('roundTripNanos')
allt=[t for t in trip.values() if t]
lo=min(allt)
print("round trip before the dispatch pieces: %.0f-%.0f ns; 'far' = 2x the lowest or more (>= %.0f ns)"%(lo,max(allt),2*lo))
print("%-24s %s"%("model","fork mean ns/task (round trip ns before it); spread (max-min)/mean of all forks -> of the near forks only"))
for r in res:
    if 'Dispatch' not in r['benchmark']: continue
    model=r['params']['model']
    means=[st.mean(x) for x in r['primaryMetric']['rawData']]
    ts=[trip.get((model,k+1)) for k in range(len(means))]
    near=[m for m,t in zip(means,ts) if t and t<2*lo]
    far=[m for m,t in zip(means,ts) if t and t>=2*lo]
    sp=lambda v:(max(v)-min(v))/st.mean(v)*100 if len(v)>1 else float('nan')
    print("%-24s %s; %.0f%% -> %.0f%% (%d near, %d far%s)"%(model,' '.join('%.3g(%.0f)'%(m,t or -1) for m,t in zip(means,ts)),sp(means),sp(near),len(near),len(far), "; far/near means %.2f"%(st.mean(far)/st.mean(near)) if far and near else ""))
