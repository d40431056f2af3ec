"""Independent reference for AnalysisStatsTests (collocates and keywords on the
sample): tokens as SQLite FTS5 reads them ([^\W_]+, lowercase, accents
removed), then the analysis view (no possessive s, also after a dot: Co.'s; U.S. one word), then the
measures. Inputs, exported from newsq:

    newsq --format jsonl -c 'sentences | where kind != "boilerplate" and not duplicate | select text' > /tmp/sent.jsonl
    newsq --format jsonl -c 'paragraphs | where kind != "boilerplate" and not duplicate | select src = article.source, text' > /tmp/para.jsonl
"""
import json, re, math, unicodedata, sys
def fold(t):
    return ''.join(c for c in unicodedata.normalize('NFKD', t.lower()) if not unicodedata.combining(c))
def words(text):
    toks=[(m.start(), m.end(), fold(m.group())) for m in re.finditer(r'[^\W_]+', text)]
    out=[]; idx=[]
    i=0
    while i < len(toks):
        s,e,f=toks[i]
        if f=='s' and i>0 and out:
            gap=text[toks[i-1][1]:s]
            if re.fullmatch(r"\.?['\u2019]", gap):  # Taiwan's, Co.'s, U.S.'s
                idx.append(len(out)-1); i+=1; continue
        if len(f)==1 and f.isalpha() and e-s==1:
            j=i
            while j+1<len(toks) and len(toks[j+1][2])==1 and toks[j+1][2].isalpha() and toks[j+1][1]-toks[j+1][0]==1 and toks[j+1][0]==toks[j][1]+1 and text[toks[j][1]:toks[j][1]+1]=='.':
                j+=1
            if j>i and text[toks[j][1]:toks[j][1]+1]=='.':
                for k in range(i,j+1): idx.append(len(out))
                out.append('.'.join(t[2] for t in toks[i:j+1])+'.')
                i=j+1; continue
        idx.append(len(out)); out.append(f); i+=1
    return toks, out, idx
def ll(o11,o12,o21,o22):
    o=[max(0,x) for x in (o11,o12,o21,o22)]; n=sum(o)
    r=[o[0]+o[1],o[2]+o[3]]; c=[o[0]+o[2],o[1]+o[3]]; g=0
    for i in range(2):
        for j in range(2):
            x=o[i*2+j]; e=r[i]*c[j]/n
            if x>0 and e>0: g+=x*math.log(x/e)
    return 2*g
# collocates of taiwan, window 3,3, over sentences
N=0; fn=0; W=0; win={}; freq={}
for l in open('/tmp/sent.jsonl'):
    text=json.loads(l)['text']
    toks,ws,idx=words(text)
    N+=len(ws)
    for w in ws: freq[w]=freq.get(w,0)+1
    nodes=[idx[k] for k,t in enumerate(toks) if t[2]=='taiwan']
    fn+=len(nodes)
    node=set(nodes); inw=set()
    for m in nodes:
        for i in range(max(0,m-3), min(len(ws)-1,m+3)+1):
            if i not in node: inw.add(i)
    for i in inw: win[ws[i]]=win.get(ws[i],0)+1; W+=1
print('N',N,'fn',fn,'W',W)
for item in ['japan','strait','relations','the']:
    o=win[item]; f=freq[item]; e=W*f/N
    g=ll(o,W-o,f-o,N-W-f+o)*(-1 if o<e else 1)
    print(item,o,f,round(e,4),round(math.log2(o/e),4),round((o-e)/math.sqrt(o),4),round(g,4),round(14+math.log2(2*o/(fn+f)),4))
# keywords Newsweek vs others over indexed paragraphs
a={}; b={}; ta=0; tb=0
for l in open('/tmp/para.jsonl'):
    d=json.loads(l); _,ws,_=words(d['text'])
    if d['src']=='Newsweek':
        ta+=len(ws)
        for w in ws: a[w]=a.get(w,0)+1
    else:
        tb+=len(ws)
        for w in ws: b[w]=b.get(w,0)+1
print('c',ta,'d',tb)
for item in ['tsai','no','two','sato','talks']:
    x=a.get(item,0); y=b.get(item,0)
    e1=ta*(x+y)/(ta+tb); e2=tb*(x+y)/(ta+tb)
    g=2*((x*math.log(x/e1) if x else 0)+(y*math.log(y/e2) if y else 0))
    if x/ta < y/tb: g=-g
    lr=math.log2(((x if x else 0.5)/ta)/((y if y else 0.5)/tb))
    print(item,x,y,round(g,4),round(lr,4))
