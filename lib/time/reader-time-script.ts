/**
 * readerTimeText (./reader-time.ts) for every slot a deadline keeps (components/consultations/deadline.tsx:
 * `.local-time-slot` with the instant, the reference zone and the label), in the
 * interface's language (the page's `lang`), without the page's scripts: what
 * the LocalTime component renders, written into the slot. Old browsers
 * without Intl's time zones show the reference time only.
 */
export const READER_TIME_SCRIPT =
  `(function(){try{var here=Intl.DateTimeFormat().resolvedOptions().timeZone,locale=document.documentElement.lang;` +
  `function wall(d,z){return new Intl.DateTimeFormat("en",{timeZone:z,year:"numeric",month:"numeric",day:"numeric",hour:"numeric",minute:"numeric"}).format(d)}` +
  `document.querySelectorAll(".local-time-slot[data-instant]").forEach(function(slot){` +
  `var d=new Date(slot.getAttribute("data-instant"));if(wall(d,here)===wall(d,slot.getAttribute("data-zone")))return;` +
  `var when=new Intl.DateTimeFormat(locale,{timeZone:here,dateStyle:"long",timeStyle:"short"}).format(d);` +
  `var part=new Intl.DateTimeFormat(locale,{timeZone:here,timeZoneName:"short"}).formatToParts(d).filter(function(p){return p.type==="timeZoneName"})[0];` +
  `var zone=part?part.value:here,label=slot.getAttribute("data-label");` +
  `var text=label+(/[\\u3000-\\u303f\\uff00-\\uffef]$/.test(label)?"":" ")+(/^zh\\b/i.test(locale)?when+"\\uff08"+zone+"\\uff09":when+" ("+zone+")");` +
  `var span=document.createElement("span");span.className="local-time";span.textContent=text;slot.appendChild(span)})}catch(e){}})()`;
