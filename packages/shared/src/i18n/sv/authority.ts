import type { Shape } from '../shape.js';
import type { authority as en } from '../en/authority.js';

export const authority: Shape<typeof en> = {
  intake: {
    levelFireServiceMode:
      'behörighet {level} får inte sätta en larmsändare för brandlarm i serviceläge; det krävs behörighet A eller B',
    levelFireBlock: 'behörighet {level} får inte spärra en larmsändare för brandlarm; det krävs behörighet A eller B',
    installerFireCertificate: 'en installatör behöver ett giltigt brandcertifikat för brandlarm',
    installerPoliceApproval: 'en installatör behöver ett giltigt polisgodkännande för inbrotts- och överfallslarm',
    holdupCancel: 'ett överfallslarm kan aldrig avbrytas av den som ringer',
    installerCancel: 'en installatör kan inte avbryta ett larm; kunden måste ringa',
    installerDirectory: 'en installatör kan inte ändra larmkontakter, lösenord eller åtgärdsplanen',
    levelDirectory:
      'behörighet {level} får inte ändra larmkontakter, lösenord, behörigheter eller åtgärdsplanen; det krävs behörighet A',
  },
  requester: {
    notOnList: 'finns inte på någon behörighetslista för objektet',
    notValidToday: 'är inte giltig i dag',
    levelCFire: 'har behörighet C; brandlarm kräver behörighet A eller B',
    installerFireCertificate: 'är installatör utan giltigt brandcertifikat',
    installerPoliceApproval: 'är installatör utan giltigt polisgodkännande för inbrottslarm',
  },
};
